package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 办结: the office closed the report with its outcome; the author is told. */
public record ReportClosed(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                           Outcome outcome, String comment) implements ReportEvent {

    public static final String TYPE = "report.closed";

    public ReportClosed {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(outcome, "outcome");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
