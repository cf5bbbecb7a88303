package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * 督办提醒: an assigned report is due soon and the department has not answered; sent once per
 * deadline, {@code workingDaysLeft} before it. The actor is the system.
 */
public record AssignmentDueSoon(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                String department, LocalDate deadline, int workingDaysLeft) implements ReportEvent {

    public static final String TYPE = "assignment.due-soon";

    public AssignmentDueSoon {
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
