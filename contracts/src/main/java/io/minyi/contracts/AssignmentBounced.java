package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 退回/申请改派: the lead department sent an assigned report back to the office as not theirs, with the reason. */
public record AssignmentBounced(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                String department, String reason) implements ReportEvent {

    public static final String TYPE = "assignment.bounced";

    public AssignmentBounced {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(reason, "reason");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
