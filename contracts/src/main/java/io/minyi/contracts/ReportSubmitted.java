package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** 提交: an author submitted a report to their own body. */
public record ReportSubmitted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String title, String summary, String body) implements ReportEvent {

    public static final String TYPE = "report.submitted";

    public ReportSubmitted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
