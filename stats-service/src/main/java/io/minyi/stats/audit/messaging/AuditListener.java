package io.minyi.stats.audit.messaging;

import io.minyi.contracts.audit.AuditCodec;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.stats.audit.store.AuditStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Stores every audit entry any service publishes, once, in the order of the topic's single partition. */
@Component
class AuditListener {

    private final AuditStore store;

    AuditListener(AuditStore store) {
        this.store = store;
    }

    @KafkaListener(topics = AuditEvent.TOPIC, groupId = "stats-service-audit")
    void on(ConsumerRecord<String, byte[]> record) {
        store.append(AuditCodec.fromJson(record.value()));
    }
}
