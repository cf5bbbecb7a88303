package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * 采纳/未采纳: the office of body {@code level} (the report's own body, or one it was forwarded up to)
 * recorded whether it adopted the report; each level records its own. When adopted, {@code adoptionLevel}
 * says by whom (department … national) and {@code evidence} what shows it (the instruction, the document);
 * both added in schema 1 later, may be null.
 */
public record ReportOutcomeDecided(UUID eventId, Instant occurredAt, String reportId, OrgPath org,
                                   Actor actor, Outcome outcome, String comment, OrgPath level,
                                   AdoptionLevel adoptionLevel, String evidence)
        implements ReportEvent {

    public static final String TYPE = "report.outcome-decided";

    public ReportOutcomeDecided {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(outcome, "outcome");
        level = level == null ? org : level;
    }

    public ReportOutcomeDecided(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                Outcome outcome, String comment) {
        this(eventId, occurredAt, reportId, org, actor, outcome, comment, org, null, null);
    }

    public ReportOutcomeDecided(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                Outcome outcome, String comment, OrgPath level) {
        this(eventId, occurredAt, reportId, org, actor, outcome, comment, level, null, null);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
