package io.minyi.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.contracts.Events;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;

/** Creates the outbox relay of a collection, with this service's CloudEvents source. */
public final class OutboxRelays {

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MeterRegistry meters;
    private final String service;
    private final Duration sweepInterval;

    public OutboxRelays(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                        String service, Duration sweepInterval) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.meters = meters;
        this.service = service;
        this.sweepInterval = sweepInterval;
    }

    public OutboxRelay forCollection(String collection) {
        return new OutboxRelay(mongo, kafka, collection, Events.source(service), sweepInterval, meters);
    }
}
