package io.minyi.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Where report events live and what every event must carry. */
public final class Events {

    /** The one topic of report state changes, keyed by report id. */
    public static final String TOPIC = "minyi.report-events.v1";

    /** CloudEvents {@code source} of each service. */
    public static String source(String service) {
        return "/minyi/" + service;
    }

    /** CloudEvents {@code type}: reverse-DNS prefix, logical name, schema version. */
    public static String cloudEventType(ReportEvent event) {
        return "io.minyi." + event.eventType() + ".v" + ReportEvent.SCHEMA_VERSION;
    }

    static void requireCommon(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor) {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(actor, "actor");
    }

    private Events() {
    }
}
