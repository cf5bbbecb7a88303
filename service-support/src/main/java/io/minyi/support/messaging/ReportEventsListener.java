package io.minyi.support.messaging;

import io.minyi.contracts.Events;
import io.minyi.contracts.ReportEvent;
import io.minyi.support.observability.ReportMdc;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/** The one consumer of the report-events topic in a service, in the service's own consumer group. */
public final class ReportEventsListener {

    private final List<ReportEventHandler> handlers;

    public ReportEventsListener(List<ReportEventHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    @KafkaListener(topics = Events.TOPIC)
    public void on(ConsumerRecord<String, byte[]> record) {
        ReportEvent event = CloudEventsKafka.decode(record);
        try (var mdc = ReportMdc.of(event.reportId())) {
            handlers.forEach(handler -> handler.handle(event));
        }
    }
}
