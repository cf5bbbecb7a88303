package io.minyi.stats.projection.messaging;

import io.minyi.contracts.Events;
import io.minyi.support.messaging.TopicOffsets;
import io.minyi.stats.projection.Projector;
import io.minyi.stats.projection.store.CellStore;
import io.minyi.stats.projection.store.FactStore;
import io.minyi.stats.projection.store.ProjectionMeta;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the projection's consumers: the active generation's, and during a rebuild also the next
 * generation's — its own consumer group reading the topic from the beginning into its own collections
 * while the active one keeps serving. Every instance looks at the shared state every two seconds; once
 * the rebuild's consumer group has caught up with the topic, the new generation becomes the active one
 * and the old consumer stops.
 */
@Component
public class Generations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    /**
     * A generation being rebuilt reads the topic's history in polls this large: one poll is one batch
     * of the projector, so the cells of consecutive days are written once per batch rather than once
     * per event (the topic holds events in order of receipt).
     */
    public static final int REBUILD_POLL_RECORDS = 20_000;
    public static final int REBUILD_FETCH_BYTES = 16 * 1024 * 1024;
    private final ProjectionMeta meta;
    private final MongoTemplate mongo;
    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final Projector.BusinessMetrics metrics;
    private final Clock clock;
    private final String groupPrefix;
    private final int maxPollRecords;
    private final CellStore.Fencing fencing;
    private final Map<Integer, ConcurrentMessageListenerContainer<String, byte[]>> running = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService pool;
    private volatile int active;
    private volatile boolean started;

    public Generations(ProjectionMeta meta, MongoTemplate mongo, ConsumerFactory<String, byte[]> consumers,
                       KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin, Projector.BusinessMetrics metrics,
                       Clock clock, @Value("${spring.kafka.consumer.group-id}") String groupPrefix,
                       @Value("${minyi.stats.max-poll-records:2000}") int maxPollRecords,
                       @Value("${minyi.stats.cell-fencing:compare-and-set}") String fencing,
                       @Value("${minyi.stats.projection-threads:2}") int threads) {
        this.meta = meta;
        this.mongo = mongo;
        this.consumers = consumers;
        this.kafka = kafka;
        this.admin = admin;
        this.metrics = metrics;
        this.clock = clock;
        this.groupPrefix = groupPrefix;
        this.maxPollRecords = maxPollRecords;
        this.pool = threads <= 1 ? null : java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "stats-projection");
            t.setDaemon(true);
            return t;
        });
        this.fencing = CellStore.Fencing.valueOf(fencing.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** The generation reads are served from. */
    public int active() {
        return active;
    }

    public static String cells(int generation) {
        return "cells_g" + generation;
    }

    public static String facts(int generation) {
        return "facts_g" + generation;
    }

    String group(int generation) {
        return groupPrefix + "-g" + generation;
    }

    @Override
    public void start() {
        started = true;
        try {
            tick();
        } catch (RuntimeException e) {
            // MongoDB or Kafka not reachable yet: the scheduled check starts the consumers once they are
            log.warn("projection not started yet, retrying every 2 s: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        started = false;
        running.values().forEach(ConcurrentMessageListenerContainer::stop);
        running.clear();
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Scheduled(fixedDelayString = "${minyi.stats.generation-check:PT2S}", initialDelayString = "PT2S")
    public synchronized void tick() {
        if (!started) {
            return;
        }
        ProjectionMeta.State state = meta.state();
        active = state.active();
        ensureRunning(state.active());
        if (state.rebuilding() != null) {
            ensureRunning(state.rebuilding());
            long lag = lag(state.rebuilding());
            if (lag == 0 && meta.activate(state.rebuilding(), endOffsetsTotal(), state.rebuildStartedAt(), clock.instant())) {
                log.info("projection generation {} rebuilt and active", state.rebuilding());
                active = state.rebuilding();
            }
        }
        Integer rebuilding = meta.state().rebuilding();
        running.keySet().stream().filter(g -> g != active && !g.equals(rebuilding)).toList()
                .forEach(this::stopGeneration);
    }

    private void ensureRunning(int generation) {
        running.computeIfAbsent(generation, this::container);
    }

    private void stopGeneration(int generation) {
        var container = running.remove(generation);
        if (container != null) {
            container.stop();
            log.info("projection generation {} stopped", generation);
        }
    }

    private ConcurrentMessageListenerContainer<String, byte[]> container(int generation) {
        boolean rebuilding = generation != active;
        CellStore cells = new CellStore(mongo, cells(generation), fencing);
        Projector projector = new Projector(new FactStore(mongo, facts(generation)), cells, metrics);
        ContainerProperties props = new ContainerProperties(Events.TOPIC);
        props.setGroupId(group(generation));
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(rebuilding ? REBUILD_POLL_RECORDS : maxPollRecords));
        if (rebuilding) {
            consumerProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(REBUILD_FETCH_BYTES));
            consumerProps.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(4 * REBUILD_FETCH_BYTES));
        }
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.setKafkaConsumerProperties(consumerProps);
        props.setMessageListener(new ProjectionListener(projector, kafka, generation, pool));
        props.setConsumerRebalanceListener(new ForgetOnRebalance(cells));
        var container = new ConcurrentMessageListenerContainer<>(consumers, props);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        container.setBeanName("stats-projection-g" + generation);
        container.start();
        log.info("projection generation {} consuming as group {}", generation, group(generation));
        return container;
    }

    /** Records of the topic the generation's consumer group has not consumed yet (-1 when unknown). */
    public long lagOf(int generation) {
        return lag(generation);
    }

    long lag(int generation) {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group(generation))
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, Long> ends = TopicOffsets.latest(client, Events.TOPIC);
            long lag = 0;
            for (TopicPartition tp : ends.keySet()) {
                long end = ends.get(tp);
                OffsetAndMetadata done = committed.get(tp);
                lag += end - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            log.warn("could not measure the lag of generation {}: {}", generation, e.toString());
            return -1;
        }
    }

    long endOffsetsTotal() {
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            return TopicOffsets.latest(client, Events.TOPIC).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // after the Kafka and web infrastructure
    }
}
