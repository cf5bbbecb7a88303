package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 采纳/未采纳: the office recorded whether the report was adopted; closing follows. */
public record ReportOutcomeDecided(UUID eventId, Instant occurredAt, String reportId, OrgPath org,
                                   Actor actor, Outcome outcome, String comment) implements ReportEvent {

    public static final String TYPE = "report.outcome-decided";

    public ReportOutcomeDecided {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(outcome, "outcome");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
