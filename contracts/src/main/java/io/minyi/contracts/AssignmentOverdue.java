package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * 逾期督办: the deadline of an assigned report passed without an answer; sent once per deadline, the
 * working day after it. The actor is the system.
 */
public record AssignmentOverdue(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                String department, LocalDate deadline) implements ReportEvent {

    public static final String TYPE = "assignment.overdue";

    public AssignmentOverdue {
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
