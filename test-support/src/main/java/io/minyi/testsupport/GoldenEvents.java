package io.minyi.testsupport;

import io.minyi.contracts.EventCodec;
import io.minyi.contracts.ReportEvent;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Every report event golden file of the contracts (current and legacy versions), decoded as a consumer
 * decodes it, each with a fresh event id and report id so a test can feed them to a service's handlers as
 * the first events it ever sees of those reports.
 */
public final class GoldenEvents {

    /** The golden files, from a service module's directory. */
    static final Path GOLDEN = Path.of("..", "contracts", "src", "test", "resources", "golden");

    private GoldenEvents() {
    }

    /** File name (relative to the golden folder) → event. */
    public static Map<String, ReportEvent> all() {
        Map<String, ReportEvent> events = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("(report|assignment)\\..*\\.json"))
                    .sorted().toList()) {
                ObjectNode json = (ObjectNode) EventCodec.MAPPER.readTree(Files.readString(file));
                json.put("eventId", UUID.randomUUID().toString());
                json.put("reportId", "golden-" + UUID.randomUUID());
                events.put(GOLDEN.relativize(file).toString(),
                        EventCodec.fromJson(EventCodec.MAPPER.writeValueAsString(json).getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (events.size() < 36) {
            throw new IllegalStateException("expected every report event's golden file in " + GOLDEN.toAbsolutePath()
                    + ", found " + events.size());
        }
        return events;
    }

    /**
     * Feeds every golden event to every handler of a service, twice (a redelivery); returns the failures as
     * "file → handler: exception" (none expected: a consumer takes every version of every event, of a report
     * it knows nothing about, as often as it comes).
     */
    public static java.util.List<String> feed(java.util.List<io.minyi.support.messaging.ReportEventHandler> handlers) {
        java.util.List<String> failures = new java.util.ArrayList<>();
        all().forEach((file, event) -> {
            for (var handler : handlers) {
                for (int delivery = 1; delivery <= 2; delivery++) {
                    try {
                        handler.handle(event);
                    } catch (RuntimeException e) {
                        failures.add(file + " → " + handler.getClass().getSimpleName() + " (delivery " + delivery + "): " + e);
                    }
                }
            }
        });
        return failures;
    }
}
