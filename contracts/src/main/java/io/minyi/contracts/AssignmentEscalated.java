package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * 督办: an assignment still unanswered {@code workingDaysOverdue} working days after its deadline is
 * escalated — the department's head contact and the body's leaders are told. Sent once per deadline; the
 * actor is the system.
 */
public record AssignmentEscalated(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                  String department, LocalDate deadline, int workingDaysOverdue) implements ReportEvent {

    public static final String TYPE = "assignment.escalated";

    public AssignmentEscalated {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(deadline, "deadline");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
