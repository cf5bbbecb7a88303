package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** The author sent a returned report back, revised; it waits for the office again. */
public record ReportResubmitted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                int revision, String title, String body) implements ReportEvent {

    public static final String TYPE = "report.resubmitted";

    public ReportResubmitted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
