package io.minyi.support.messaging;

import io.minyi.contracts.EventCodec;
import io.minyi.contracts.ReportEvent;
import io.minyi.support.outbox.PendingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as
 * {@code ce_*} headers, the record value is the event's JSON and the key is the report id.
 */
public final class CloudEventsKafka {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    /** Extension attribute: the org path of the report, so routers can filter without parsing. */
    public static final String ORG = "ce_org";
    public static final String CONTENT_TYPE = "content-type";

    public static ProducerRecord<String, byte[]> record(PendingEvent event, String source) {
        Headers headers = headers(event.eventId(), event.ceType(), source, event.reportId(), event.occurredAt());
        if (event.org() != null) {
            headers.add(ORG, bytes(event.org()));
        }
        return new ProducerRecord<>(event.topic(), null, event.reportId(),
                event.json().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The CloudEvents 1.0 binary-mode headers of a record with a JSON payload. */
    public static Headers headers(String id, String type, String source, String subject, java.time.Instant time) {
        return new RecordHeaders()
                .add(SPEC_VERSION, bytes("1.0"))
                .add(ID, bytes(id))
                .add(TYPE, bytes(type))
                .add(SOURCE, bytes(source))
                .add(SUBJECT, bytes(subject))
                .add(TIME, bytes(time.toString()))
                .add(CONTENT_TYPE, bytes("application/json"));
    }

    public static ProducerRecord<String, byte[]> record(ReportEvent event, String source) {
        return record(PendingEvent.of(event), source);
    }

    /** The event in a record; {@link MalformedEventException} (sent to the dead-letter topic) if it is none. */
    public static ReportEvent decode(ConsumerRecord<String, byte[]> record) {
        try {
            return EventCodec.fromJson(record.value());
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a report event at " + record.topic() + "@" + record.offset(), e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private CloudEventsKafka() {
    }
}
