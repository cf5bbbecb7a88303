package io.minyi.contracts.reference;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of the reference data every service names things by: an entry of a list (topic, sector,
 * station, body, department) or a year of the working calendar. Published by intake-service, which
 * owns the lists, on {@link #TOPIC}: a compacted topic keyed by {@link #key()}, so the latest state of
 * every entry stays readable from its beginning. {@code revision} grows with every change of the key:
 * a consumer keeps a change only when it is newer than what it holds, so redelivery and reordering are
 * harmless.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReferenceChanged.class, name = ReferenceChanged.TYPE),
        @JsonSubTypes.Type(value = CalendarChanged.class, name = CalendarChanged.TYPE)
})
public sealed interface ReferenceEvent permits ReferenceChanged, CalendarChanged {

    String TOPIC = "minyi.reference.v1";
    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    /** The account that made the change ({@code seed} for the shipped catalogue). */
    String actor();

    long revision();

    /** The Kafka key: {@code <list>:<code>}, e.g. {@code departments:haikou-housing}, {@code calendar:2027}. */
    @JsonIgnore
    String key();

    @JsonIgnore
    String eventType();

    /** CloudEvents {@code type}, as for report events. */
    @JsonIgnore
    default String cloudEventType() {
        return "io.minyi." + eventType() + ".v" + SCHEMA_VERSION;
    }
}
