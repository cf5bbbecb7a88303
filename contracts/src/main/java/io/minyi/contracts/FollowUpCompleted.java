package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 回头看 done: the office reviewed the report again and recorded what it found. */
public record FollowUpCompleted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                String note) implements ReportEvent {

    public static final String TYPE = "report.follow-up-completed";

    public FollowUpCompleted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(note, "note");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
