package io.minyi.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.contracts.Events;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.support.observability.MongoPingHealthIndicator;
import io.minyi.support.outbox.OutboxRelays;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;
import java.util.List;

/**
 * The report-events topic, the error policy of every listener and the outbox relays.
 * Listener errors: malformed events go to the dead-letter topic at once; anything else (MongoDB
 * down, a bug being fixed) is retried with back-off and never skipped, so nothing is lost.
 */
@AutoConfiguration
public class MessagingAutoConfiguration {

    public static final String DEAD_LETTER_TOPIC = Events.TOPIC + ".dlt";
    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);


    /** Listeners' log lines carry the report the event is about. */
    @Bean
    io.minyi.support.observability.ReportIdRecordInterceptor reportIdRecordInterceptor() {
        return new io.minyi.support.observability.ReportIdRecordInterceptor();
    }

    @Bean
    NewTopic reportEventsTopic(@Value("${minyi.kafka.partitions:6}") int partitions,
                               @Value("${minyi.kafka.replicas:1}") int replicas) {
        // the topic keeps every event for good: projections (statistics) are rebuilt from its beginning
        return TopicBuilder.name(Events.TOPIC).partitions(partitions).replicas(replicas)
                .config("retention.ms", "-1").config("retention.bytes", "-1").build();
    }

    /** Reference data (lists, departments, the calendar): compacted, so the newest state of each entry stays. */
    @Bean
    NewTopic referenceTopic(@Value("${minyi.kafka.replicas:1}") int replicas) {
        return TopicBuilder.name(ReferenceEvent.TOPIC).partitions(1).replicas(replicas).compact().build();
    }

    @Bean
    NewTopic reportEventsDeadLetterTopic(@Value("${minyi.kafka.replicas:1}") int replicas) {
        return TopicBuilder.name(DEAD_LETTER_TOPIC).partitions(1).replicas(replicas).build();
    }

    @Bean
    CommonErrorHandler minyiListenerErrorHandler(KafkaTemplate<String, byte[]> kafka) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> {
                    log.error("Dead-lettering record {}@{} key={}: {}", record.topic(), record.offset(),
                            record.key(), e.toString());
                    return new TopicPartition(DEAD_LETTER_TOPIC, 0);
                });
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnBean(ReportEventHandler.class)
    ReportEventsListener reportEventsListener(List<ReportEventHandler> handlers, MeterRegistry meters) {
        return new ReportEventsListener(handlers, meters);
    }

    @Bean
    OutboxRelays outboxRelays(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
                              @Value("${spring.application.name}") String service,
                              @Value("${minyi.outbox.sweep-interval:2s}") Duration sweepInterval) {
        return new OutboxRelays(mongo, kafka, meters, service, sweepInterval);
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
