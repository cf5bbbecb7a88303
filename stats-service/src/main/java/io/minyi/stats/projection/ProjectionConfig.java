package io.minyi.stats.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.stats.projection.messaging.Generations;
import io.minyi.stats.projection.store.CellQueries;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class ProjectionConfig {

    @Bean
    CellQueries cellQueries(MongoTemplate mongo, Generations generations, KafkaTemplate<String, byte[]> kafka) {
        return new CellQueries(mongo, generations::active, new TopicPartitions(kafka));
    }

    /** The report-events topic's partition count, read from the producer's metadata once a minute. */
    static final class TopicPartitions implements java.util.function.IntSupplier {
        private final KafkaTemplate<String, byte[]> kafka;
        private volatile int count;
        private volatile long readAt;

        TopicPartitions(KafkaTemplate<String, byte[]> kafka) {
            this.kafka = kafka;
        }

        @Override
        public int getAsInt() {
            long now = System.currentTimeMillis();
            if (count == 0 || now - readAt > 60_000) {
                count = kafka.partitionsFor(io.minyi.contracts.Events.TOPIC).size();
                readAt = now;
            }
            return count;
        }
    }

    @Bean
    Projector.BusinessMetrics businessMetrics(MeterRegistry meters) {
        return new Projector.BusinessMetrics(meters);
    }
}
