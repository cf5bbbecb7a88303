package io.minyi.stats.projection.messaging;

import io.minyi.contracts.Events;
import io.minyi.stats.projection.Projector;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.support.messaging.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One poll's records, projected partition by partition. A malformed record goes to the dead-letter
 * topic and is passed over; any other failure makes the container retry the whole batch with back-off,
 * which the projection's offset fencing makes safe.
 */
class ProjectionListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);
    private final Projector projector;
    private final KafkaTemplate<String, byte[]> kafka;
    private final int generation;
    private final java.util.concurrent.ExecutorService pool;

    ProjectionListener(Projector projector, KafkaTemplate<String, byte[]> kafka, int generation,
                       java.util.concurrent.ExecutorService pool) {
        this.projector = projector;
        this.kafka = kafka;
        this.generation = generation;
        this.pool = pool;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, List<Projector.Positioned>> byPartition = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>())
                        .add(new Projector.Positioned(r.offset(), CloudEventsKafka.decode(r)));
            } catch (MalformedEventException e) {
                deadLetter(r, e);
            }
        }
        projector.projectAll(byPartition, pool);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, MalformedEventException e) {
        log.error("generation {}: dead-lettering record {}-{}@{}: {}", generation, r.topic(), r.partition(), r.offset(),
                e.toString());
        try {
            var out = new ProducerRecord<>(Events.TOPIC + ".dlt", null, r.key(), r.value(), r.headers());
            kafka.send(out).get(10, TimeUnit.SECONDS);
        } catch (Exception sendFailed) {
            throw new IllegalStateException("could not dead-letter a malformed record", sendFailed);
        }
    }
}
