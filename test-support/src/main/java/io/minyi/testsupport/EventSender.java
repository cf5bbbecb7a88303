package io.minyi.testsupport;

import io.minyi.contracts.ReportEvent;
import io.minyi.support.messaging.CloudEventsKafka;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes events as another service would, including exact redeliveries. */
public final class EventSender {

    private final KafkaTemplate<String, byte[]> kafka;

    public EventSender(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public <E extends ReportEvent> E send(E event) {
        kafka.send(CloudEventsKafka.record(event, "/minyi/test")).join();
        return event;
    }
}
