package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * 催办: the office presses the department to answer an assigned report, with a note; {@code deadline} is
 * the deadline in force. The actor is the editor who urged it.
 */
public record AssignmentUrged(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String department, LocalDate deadline, String note) implements ReportEvent {

    public static final String TYPE = "assignment.urged";

    public AssignmentUrged {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
