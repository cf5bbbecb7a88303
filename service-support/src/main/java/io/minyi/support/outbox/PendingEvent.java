package io.minyi.support.outbox;

import io.minyi.contracts.EventCodec;
import io.minyi.contracts.Events;
import io.minyi.contracts.ReportEvent;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * An event waiting in its aggregate's outbox: stored in the same MongoDB document as the state
 * change that produced it, so both are written by one atomic update.
 */
public record PendingEvent(String eventId, String ceType, String reportId, String org, Instant occurredAt,
                           String json) {

    public static PendingEvent of(ReportEvent event) {
        return new PendingEvent(event.eventId().toString(), Events.cloudEventType(event), event.reportId(),
                event.org().value(), event.occurredAt(),
                new String(EventCodec.toJson(event), StandardCharsets.UTF_8));
    }

    public Document toDocument() {
        return new Document("eventId", eventId).append("ceType", ceType).append("reportId", reportId)
                .append("org", org).append("occurredAt", Date.from(occurredAt)).append("json", json);
    }

    public static PendingEvent fromDocument(Document d) {
        return new PendingEvent(d.getString("eventId"), d.getString("ceType"), d.getString("reportId"),
                d.getString("org"), d.getDate("occurredAt").toInstant(), d.getString("json"));
    }
}
