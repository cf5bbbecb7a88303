package io.minyi.intake.search.messaging;

import io.minyi.contracts.Events;
import io.minyi.support.messaging.TopicOffsets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether this instance's search index has read the report-events log as far as it reached when the
 * index first asked (the index is rebuilt from the log at each start). Until then keyword and department
 * searches are refused (503, so a proxy asks the other instance) rather than answered from half an index;
 * submissions and store-backed lists never wait for it (its health counts in the overall status, not in
 * readiness: an intake restarted while the brokers are away must still take reports). While the brokers cannot be asked, the index answers
 * as far as it has read.
 */
@Component
public class SearchCatchUp implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SearchCatchUp.class);

    private final KafkaAdmin admin;
    private final Clock clock;
    private final Instant started;
    private final Map<Integer, Long> read = new ConcurrentHashMap<>();
    private volatile Map<Integer, Long> target;
    private volatile boolean caughtUp;

    SearchCatchUp(KafkaAdmin admin, Clock clock, MeterRegistry meters) {
        this.admin = admin;
        this.clock = clock;
        this.started = clock.instant();
        Gauge.builder("minyi.search.catch.up.behind", this, SearchCatchUp::behind)
                .description("Report events the search index has still to read to reach the log's end at its start (0: caught up, -1: unknown)")
                .register(meters);
    }

    /** The index has applied the record at {@code offset} of {@code partition}. */
    void read(int partition, long offset) {
        read.merge(partition, offset + 1, Math::max);
    }

    /**
     * True once the index has read the log as far as it reached when first asked, and while the brokers
     * could not be asked yet. Never asks them itself: a search does not wait for the brokers.
     */
    public boolean caughtUp() {
        return caughtUp || behind() <= 0;
    }

    /** Records still to read, 0 when caught up, -1 while the brokers could not be asked. */
    synchronized long behind() {
        if (caughtUp) {
            return 0;
        }
        if (target == null) {
            return -1;
        }
        long behind = 0;
        for (var end : target.entrySet()) {
            behind += Math.max(0, end.getValue() - read.getOrDefault(end.getKey(), 0L));
        }
        if (behind == 0) {
            caughtUp = true;
            log.info("search index caught up with the report-events log {} s after start",
                    Duration.between(started, clock.instant()).toSeconds());
        }
        return behind;
    }

    /**
     * In the instance's overall health (what {@code ./minyi} and the drill wait for), not in its readiness:
     * out of service while the index catches up.
     */
    @Override
    public Health health() {
        long behind = behind();
        return (behind > 0 ? Health.outOfService() : Health.up()).withDetail("behind", behind).build();
    }

    /** From the start until caught up: asks the brokers how far the log reaches, once they answer. */
    @Scheduled(initialDelay = 0, fixedDelayString = "PT2S")
    void follow() {
        if (!caughtUp && target == null) {
            ask();
        }
        behind();
    }

    private void ask() {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        Admin client = Admin.create(config);
        try {
            Map<TopicPartition, Long> ends = TopicOffsets.latest(client, Events.TOPIC);
            Map<TopicPartition, Long> firsts = TopicOffsets.earliest(client, Events.TOPIC);
            Map<Integer, Long> asked = new ConcurrentHashMap<>();
            // a partition emptied by retention has nothing to read: its first offset counts as read
            ends.forEach((tp, end) -> {
                asked.put(tp.partition(), end);
                read.merge(tp.partition(), firsts.getOrDefault(tp, 0L), Math::max);
            });
            synchronized (this) {
                target = asked;
            }
        } catch (Exception e) {
            log.warn("could not ask the brokers how far the report-events log reaches; searching the index as read: {}", e.toString());
        } finally {
            client.close(Duration.ofSeconds(2));
        }
    }
}
