package io.minyi.e2e;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end platform's MongoDB and Kafka as real containers (MongoDB 8, a one-member replica set;
 * Kafka 4.1), started by Testcontainers where {@code MINYI_TESTCONTAINERS} allows it ({@code auto}, the
 * default: when a Docker engine answers; {@code on}; {@code off}) and handed to {@code ./minyi} as
 * {@code MINYI_MONGO_URI} and {@code MINYI_KAFKA_BOOTSTRAP}; stopped when the test JVM exits. Keycloak is
 * the real 26.5 distribution either way. The scaled-out drill keeps its own three brokers.
 */
final class PlatformContainers {

    private static Map<String, String> started;
    private static KafkaContainer kafka;
    private static boolean kafkaPaused;

    private PlatformContainers() {
    }

    /** The environment that points the platform at the containers; empty where none are used. */
    static synchronized Map<String, String> environment() {
        if (started != null) {
            return started;
        }
        started = new LinkedHashMap<>();
        if (!wanted()) {
            return started;
        }
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:8.0"));
        kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
        mongo.start();
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }, "platform-containers-stop"));
        started.put("MINYI_MONGO_URI", mongo.getConnectionString());
        started.put("MINYI_KAFKA_BOOTSTRAP", kafka.getBootstrapServers());
        return started;
    }

    /** True when Kafka is a container here (an outage is then a paused container: its port stays the same). */
    static synchronized boolean kafkaIsContainer() {
        return kafka != null;
    }

    /** The broker outage of the fault suites: the container paused, then resumed. */
    static synchronized void pauseKafka() {
        DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
        kafkaPaused = true;
    }

    static synchronized void resumeKafka() {
        if (kafkaPaused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
            kafkaPaused = false;
        }
    }

    private static boolean wanted() {
        String mode = System.getenv().getOrDefault("MINYI_TESTCONTAINERS", "auto").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            return false;
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (mode.equals("on") && !docker) {
            throw new IllegalStateException("MINYI_TESTCONTAINERS=on but no Docker engine answers");
        }
        return docker;
    }
}
