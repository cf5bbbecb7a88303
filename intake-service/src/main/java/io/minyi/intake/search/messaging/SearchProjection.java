package io.minyi.intake.search.messaging;

import io.minyi.contracts.Events;
import io.minyi.intake.background.BackgroundPriority;
import io.minyi.contracts.ReportEvent;
import io.minyi.intake.search.index.ReportIndex;
import io.minyi.support.messaging.CloudEventsKafka;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Feeds this instance's search index: every instance reads the whole report-events log in a consumer
 * group of its own from the beginning, so the index is rebuilt from the event log at each start and
 * every instance holds the same ({@link SearchCatchUp} says when it has caught up). Changes become
 * searchable at the next refresh, twice a second.
 */
@Component
class SearchProjection {

    private final ReportIndex index;
    private final SearchCatchUp catchUp;
    private final Clock clock;
    private final Timer lag;

    SearchProjection(ReportIndex index, SearchCatchUp catchUp, Clock clock, MeterRegistry meters) {
        this.index = index;
        this.catchUp = catchUp;
        this.clock = clock;
        this.lag = Timer.builder("minyi.search.lag").description("From a report event to the search index")
                .publishPercentiles(0.5, 0.99).register(meters);
        Gauge.builder("minyi.search.index.reports", index, ReportIndex::size).register(meters);
    }

    @KafkaListener(topics = Events.TOPIC, groupId = "${spring.application.name}.search.${random.uuid}",
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    void on(ConsumerRecord<String, byte[]> record) {
        BackgroundPriority.enter();
        try {
            ReportEvent event = CloudEventsKafka.decode(record);
            if (index.apply(event)) {
                Duration behind = Duration.between(event.occurredAt(), clock.instant());
                lag.record(behind.isNegative() ? Duration.ZERO : behind);
            }
        } finally {
            catchUp.read(record.partition(), record.offset()); // a record the error handler skips counts as read
        }
    }

    @Scheduled(fixedDelayString = "${minyi.search.refresh-interval:PT0.5S}")
    void refresh() {
        index.refresh();
    }
}
