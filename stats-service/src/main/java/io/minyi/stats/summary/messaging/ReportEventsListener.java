package io.minyi.stats.summary.messaging;

import io.minyi.contracts.Events;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.summary.store.ReportFacts;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.support.observability.ReportMdc;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every report event updates the report's facts; see {@link ReportFacts} for why that is idempotent. */
@Component
class ReportEventsListener {

    private final ReportFacts facts;

    ReportEventsListener(ReportFacts facts) {
        this.facts = facts;
    }

    @KafkaListener(topics = Events.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        ReportEvent event = CloudEventsKafka.decode(record);
        try (var mdc = ReportMdc.of(event.reportId())) {
            facts.record(event);
        }
    }
}
