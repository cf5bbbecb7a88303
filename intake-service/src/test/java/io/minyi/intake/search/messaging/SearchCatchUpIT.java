package io.minyi.intake.search.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minyi.contracts.Events;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restarted intake's search index rebuilds from the report-events log: searches wait (503) until it has
 * read as far as the log reached, and a broker that cannot be asked never stops them.
 */
class SearchCatchUpIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, Events.TOPIC);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
    }

    @Test
    void caughtUpOnlyOnceEveryRecordTheLogHeldAtStartIsRead() throws Exception {
        List<RecordMetadata> logged = send(30);
        SearchCatchUp catchUp = new SearchCatchUp(admin(broker.getBrokersAsString()), Clock.systemUTC(), new SimpleMeterRegistry());

        catchUp.follow();
        assertThat(catchUp.behind()).isEqualTo(30);
        assertThat(catchUp.caughtUp()).isFalse();
        assertThat(catchUp.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        RecordMetadata last = logged.get(logged.size() - 1);
        for (RecordMetadata r : logged) {
            if (r != last) {
                catchUp.read(r.partition(), r.offset());
            }
        }
        assertThat(catchUp.caughtUp()).as("one record still to read").isFalse();
        catchUp.read(last.partition(), last.offset());
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(catchUp.health().getStatus()).isEqualTo(Status.UP);

        send(5); // new reports after the catch-up: the index follows, searches go on
        catchUp.follow();
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(catchUp.behind()).isZero();
    }

    @Test
    void whenTheBrokersCannotBeAskedTheIndexAnswersAsFarAsItHasRead() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SearchCatchUp catchUp = new SearchCatchUp(admin("127.0.0.1:" + closed), Clock.systemUTC(), new SimpleMeterRegistry());
        catchUp.follow();
        assertThat(catchUp.behind()).isEqualTo(-1);
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(catchUp.health().getStatus()).isEqualTo(Status.UP);
    }

    private static KafkaAdmin admin(String bootstrap) {
        return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static List<RecordMetadata> send(int n) throws Exception {
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < n; i++) {
                sent.add(producer.send(new ProducerRecord<>(Events.TOPIC, "report-" + i, "{}")).get());
            }
        }
        return sent;
    }
}
