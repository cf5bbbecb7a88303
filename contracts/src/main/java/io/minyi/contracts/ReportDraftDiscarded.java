package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** The author deleted a draft that was never submitted. */
public record ReportDraftDiscarded(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor)
        implements ReportEvent {

    public static final String TYPE = "report.draft-discarded";

    public ReportDraftDiscarded {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
