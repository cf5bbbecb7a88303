package io.minyi.testsupport;

import io.minyi.contracts.Events;
import io.minyi.contracts.ReportEvent;
import io.minyi.support.messaging.CloudEventsKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** Reads the report-events topic from the start, to assert what a service published. */
public final class EventProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EventProbe(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Events.TOPIC));
    }

    /** Waits until a record for the report whose event matches arrives, and returns it. */
    public ConsumerRecord<String, byte[]> await(String reportId, Predicate<ReportEvent> matching) {
        ConsumerRecord<String, byte[]>[] found = new ConsumerRecord[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            found[0] = seen.stream().filter(r -> reportId.equals(r.key()))
                    .filter(r -> matching.test(CloudEventsKafka.decode(r))).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    public <E extends ReportEvent> E await(String reportId, Class<E> type) {
        return type.cast(CloudEventsKafka.decode(await(reportId, type::isInstance)));
    }

    /** Every event seen so far for the report, after polling for the given time. */
    public List<ReportEvent> all(String reportId, Duration settle) {
        long until = System.nanoTime() + settle.toNanos();
        while (System.nanoTime() < until) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return seen.stream().filter(r -> reportId.equals(r.key())).map(CloudEventsKafka::decode).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
