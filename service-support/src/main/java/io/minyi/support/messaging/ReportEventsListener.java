package io.minyi.support.messaging;

import io.minyi.contracts.Events;
import io.minyi.contracts.ReportEvent;
import io.minyi.support.observability.ReportMdc;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one consumer of the report-events topic in a service, in the service's own consumer group. Two
 * timers show where a hop between services goes: {@code minyi.events.delivery}, from the record's
 * producer timestamp (the outbox relay's send) to this listener receiving it, and
 * {@code minyi.events.handling}, the service's own work on it.
 */
public final class ReportEventsListener {

    private final List<ReportEventHandler> handlers;
    private final Timer delivery;
    private final Timer handling;

    public ReportEventsListener(List<ReportEventHandler> handlers, MeterRegistry meters) {
        this.handlers = List.copyOf(handlers);
        this.delivery = Timer.builder("minyi.events.delivery").description("From the outbox relay's send to this listener")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.handling = Timer.builder("minyi.events.handling").description("This service handling one report event")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @KafkaListener(topics = Events.TOPIC)
    public void on(ConsumerRecord<String, byte[]> record) {
        long received = System.currentTimeMillis();
        delivery.record(Math.max(0, received - record.timestamp()), TimeUnit.MILLISECONDS);
        ReportEvent event = CloudEventsKafka.decode(record);
        long started = System.nanoTime();
        try (var mdc = ReportMdc.of(event.reportId())) {
            handlers.forEach(handler -> handler.handle(event));
        }
        handling.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
