package io.minyi.support.outbox;

import io.minyi.contracts.EventCodec;
import io.minyi.contracts.Events;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.reference.ReferenceCodec;
import io.minyi.contracts.reference.ReferenceEvent;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * An event waiting in its aggregate's outbox: stored in the same MongoDB document as the state
 * change that produced it, so both are written by one atomic update.
 */
public record PendingEvent(String eventId, String ceType, String reportId, String org, Instant occurredAt,
                           String json, String topic) {

    /**
     * @param reportId the record's key and CloudEvents subject: the report id, or a reference entry's key
     * @param org      the report's body ({@code ce_org}); null for reference data
     * @param topic    where it goes; {@link Events#TOPIC} when null (events stored before topics were named)
     */
    public PendingEvent {
        topic = topic == null ? Events.TOPIC : topic;
    }

    public static PendingEvent of(ReportEvent event) {
        return new PendingEvent(event.eventId().toString(), Events.cloudEventType(event), event.reportId(),
                event.org().value(), event.occurredAt(),
                new String(EventCodec.toJson(event), StandardCharsets.UTF_8), Events.TOPIC);
    }

    /** A change of reference data, for the compacted reference topic keyed by the entry. */
    public static PendingEvent of(ReferenceEvent event) {
        return new PendingEvent(event.eventId().toString(), event.cloudEventType(), event.key(), null,
                event.occurredAt(), new String(ReferenceCodec.toJson(event), StandardCharsets.UTF_8),
                ReferenceEvent.TOPIC);
    }

    public Document toDocument() {
        return new Document("eventId", eventId).append("ceType", ceType).append("reportId", reportId)
                .append("org", org).append("occurredAt", Date.from(occurredAt)).append("json", json)
                .append("topic", topic);
    }

    public static PendingEvent fromDocument(Document d) {
        return new PendingEvent(d.getString("eventId"), d.getString("ceType"), d.getString("reportId"),
                d.getString("org"), d.getDate("occurredAt").toInstant(), d.getString("json"), d.getString("topic"));
    }
}
