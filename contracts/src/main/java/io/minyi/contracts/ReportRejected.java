package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** 不予采用: the office will not use the report; final, with the reason for the author. */
public record ReportRejected(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                             String reason) implements ReportEvent {

    public static final String TYPE = "report.rejected";

    public ReportRejected {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
