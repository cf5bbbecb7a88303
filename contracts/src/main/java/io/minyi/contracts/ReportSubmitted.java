package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 提交: an author submitted a report to their own body. {@code channel}, {@code urgency} (wire names),
 * {@code topic}, {@code sector} (reference codes, may be null) and {@code coAuthors} were added in
 * schema 1 after the first release of the event, and later {@code station} (the liaison station's code for
 * reports taken at one) and {@code constituents} (how many people a visit reached); consumers must accept
 * their absence.
 */
public record ReportSubmitted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String title, String summary, String body, String channel, String topic,
                              String sector, String urgency, List<String> coAuthors, String station,
                              Integer constituents) implements ReportEvent {

    public static final String TYPE = "report.submitted";

    public ReportSubmitted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        coAuthors = coAuthors == null ? List.of() : List.copyOf(coAuthors);
    }

    public ReportSubmitted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor, String title,
                           String summary, String body, String channel, String topic, String sector, String urgency,
                           List<String> coAuthors) {
        this(eventId, occurredAt, reportId, org, actor, title, summary, body, channel, topic, sector, urgency,
                coAuthors, null, null);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
