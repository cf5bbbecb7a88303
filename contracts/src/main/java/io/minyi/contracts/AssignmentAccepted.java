package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 办理: the lead department accepted the assigned report and is working on it. */
public record AssignmentAccepted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                 String department) implements ReportEvent {

    public static final String TYPE = "assignment.accepted";

    public AssignmentAccepted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
