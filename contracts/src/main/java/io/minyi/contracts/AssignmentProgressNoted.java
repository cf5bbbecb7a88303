package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 办理进展: a lead or co-handling department posted a progress note on an item it works on. */
public record AssignmentProgressNoted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                      String department, String text) implements ReportEvent {

    public static final String TYPE = "assignment.progress-noted";

    public AssignmentProgressNoted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(text, "text");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
