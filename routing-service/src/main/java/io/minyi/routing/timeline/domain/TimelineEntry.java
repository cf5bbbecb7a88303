package io.minyi.routing.timeline.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of a report's life as its event told it: what happened ({@code type}, the event's logical
 * name), when, in which body, by whom, and what the step set ({@code details}: the event's own fields
 * but the envelope and the report's text, which the revisions keep; long texts cut).
 */
public record TimelineEntry(String eventId, String type, Instant at, String org, String actorId, String actorName,
                            String actorRole, Map<String, Object> details) {

    /** Envelope fields (shown apart) and the report's own text (its versions are on the revisions tab). */
    static final Set<String> NOT_DETAILS = Set.of("type", "eventId", "occurredAt", "reportId", "org", "actor",
            "title", "body", "summary", "personal", "schemaVersion");
    public static final int LONGEST_TEXT = 300;

    /**
     * The details in the order of their names: the same answer from every instance and after every restart
     * ({@code Map.copyOf} iterated in an order salted per JVM, so a restored platform listed a step's details
     * differently — found by the restore drill).
     */
    public TimelineEntry {
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(details));
    }

    /**
     * The entry of an event given as its wire JSON (as a map): the details are the fields that carry a
     * value, texts over {@value #LONGEST_TEXT} characters cut with an ellipsis.
     */
    @SuppressWarnings("unchecked")
    public static TimelineEntry of(Map<String, Object> event) {
        Map<String, Object> actor = (Map<String, Object>) event.getOrDefault("actor", Map.of());
        Map<String, Object> details = new LinkedHashMap<>();
        event.forEach((field, value) -> {
            if (!NOT_DETAILS.contains(field) && present(value)) {
                details.put(field, shortened(value));
            }
        });
        return new TimelineEntry(String.valueOf(event.get("eventId")), String.valueOf(event.get("type")),
                Instant.parse(String.valueOf(event.get("occurredAt"))), String.valueOf(event.get("org")),
                (String) actor.get("id"), (String) actor.get("name"), (String) actor.get("role"), details);
    }

    /** The entry as its report's author sees it: who acted only when it was the author, no details. */
    public TimelineEntry forAuthor(String authorId) {
        boolean own = authorId.equals(actorId);
        return new TimelineEntry(eventId, type, at, org, own ? actorId : null, own ? actorName : null, actorRole, Map.of());
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isBlank())
                && !(value instanceof List<?> l && l.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty());
    }

    private static Object shortened(Object value) {
        if (value instanceof String s && s.codePointCount(0, s.length()) > LONGEST_TEXT) {
            return s.substring(0, s.offsetByCodePoints(0, LONGEST_TEXT)) + "…";
        }
        if (value instanceof List<?> l) {
            return l.stream().map(TimelineEntry::shortened).toList();
        }
        return value;
    }
}
