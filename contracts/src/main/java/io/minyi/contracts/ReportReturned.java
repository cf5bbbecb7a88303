package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** 退回: the office sent the report back to its author for revision, with the reason. */
public record ReportReturned(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                             String reason) implements ReportEvent {

    public static final String TYPE = "report.returned";

    public ReportReturned {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
