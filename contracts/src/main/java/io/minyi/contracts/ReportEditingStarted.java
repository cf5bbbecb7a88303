package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** 采编: an editor of the office took the report up; the author can no longer withdraw it. */
public record ReportEditingStarted(UUID eventId, Instant occurredAt, String reportId, OrgPath org,
                                   Actor actor) implements ReportEvent {

    public static final String TYPE = "report.editing-started";

    public ReportEditingStarted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
