package io.minyi.feedback.inbox.messaging;

import io.minyi.contracts.Events;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxStore;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.support.observability.ReportMdc;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Assignments fill departments' inboxes; closings show the outcome there. Both idempotent. */
@Component
class ReportEventsListener {

    private final InboxStore inbox;

    ReportEventsListener(InboxStore inbox) {
        this.inbox = inbox;
    }

    @KafkaListener(topics = Events.TOPIC)
    void on(ConsumerRecord<String, byte[]> record) {
        ReportEvent event = CloudEventsKafka.decode(record);
        try (var mdc = ReportMdc.of(event.reportId())) {
            if (event instanceof ReportAssigned assigned) {
                inbox.addIfAbsent(InboxItem.assigned(assigned));
            } else if (event instanceof ReportClosed closed) {
                inbox.closeAll(closed.reportId(), closed.outcome());
            }
        }
    }
}
