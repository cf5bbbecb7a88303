package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 评价: an author (or co-author) of the closed report rated the answer. */
public record ReportRated(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                          Rating rating, String comment) implements ReportEvent {

    public static final String TYPE = "report.rated";

    public ReportRated {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(rating, "rating");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
