package io.minyi.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Whether the integration tests run against real containers — MongoDB 8 and Kafka 4.1, started by
 * Testcontainers — or the in-process parts (the MongoDB wire-protocol stand-in and an in-process Kafka
 * broker), as on machines without a Docker engine. {@code MINYI_TESTCONTAINERS}: {@code auto} (the
 * default: containers when a Docker engine answers), {@code on} (containers, failing without an engine),
 * {@code off} (the in-process parts).
 */
public final class Containers {

    public static final DockerImageName MONGO = DockerImageName.parse("mongo:8.0");
    public static final DockerImageName KAFKA = DockerImageName.parse("apache/kafka:4.1.1");

    private static Boolean enabled;

    private Containers() {
    }

    public static synchronized boolean enabled() {
        if (enabled == null) {
            enabled = decide(System.getenv("MINYI_TESTCONTAINERS"), Containers::dockerAnswers);
        }
        return enabled;
    }

    static boolean decide(String setting, BooleanSupplier dockerAnswers) {
        String mode = setting == null || setting.isBlank() ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "off" -> false;
            case "auto" -> dockerAnswers.getAsBoolean();
            case "on" -> {
                if (!dockerAnswers.getAsBoolean()) {
                    throw new IllegalStateException("MINYI_TESTCONTAINERS=on but no Docker engine answers");
                }
                yield true;
            }
            default -> throw new IllegalArgumentException("MINYI_TESTCONTAINERS is auto, on or off, not " + setting);
        };
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
