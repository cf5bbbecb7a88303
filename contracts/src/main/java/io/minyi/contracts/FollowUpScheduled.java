package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 回头看: the office scheduled a later review of the report on {@code date}. */
public record FollowUpScheduled(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                java.time.LocalDate date, String note) implements ReportEvent {

    public static final String TYPE = "report.follow-up-scheduled";

    public FollowUpScheduled {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(date, "date");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
