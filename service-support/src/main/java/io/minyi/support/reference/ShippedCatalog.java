package io.minyi.support.reference;

import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.contracts.reference.ReferenceEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo city's lists and the working calendar minyi ships ({@code reference/catalog.json},
 * {@code reference/calendar-<year>.json}), as the first revision of each entry. intake-service, which
 * owns the lists, seeds its store with them once; no other service reads these files: they learn
 * every name from the events.
 */
public final class ShippedCatalog {

    public static final String SEED_ACTOR = "seed";
    /** The calendar years shipped; later years are entered by the administrator when published. */
    public static final List<Integer> CALENDAR_YEARS = List.of(2026);
    public static final List<String> LISTS = List.of("topics", "sectors", "orgs", "stations", "departments");

    private ShippedCatalog() {
    }

    public static List<ReferenceEvent> events(Instant at) {
        List<ReferenceEvent> events = new ArrayList<>();
        JsonNode root = read("/reference/catalog.json");
        for (String list : LISTS) {
            for (JsonNode e : root.path(list)) {
                events.add(entry(list, e, at));
            }
        }
        for (int year : CALENDAR_YEARS) {
            JsonNode cal = read("/reference/calendar-" + year + ".json");
            events.add(new CalendarChanged(seedId("calendar:" + year), at, SEED_ACTOR, 1, year,
                    dates(cal.path("holidays")), dates(cal.path("workingWeekends")), cal.path("source").asString()));
        }
        return events;
    }

    private static ReferenceChanged entry(String list, JsonNode e, Instant at) {
        String code = e.path("code").asString();
        List<String> levels = new ArrayList<>();
        e.path("levelNames").forEach(n -> levels.add(n.asString()));
        ReferenceChanged.Department department = "departments".equals(list)
                ? new ReferenceChanged.Department(text(e, "shortName"), text(e, "kind"), text(e, "contactPerson"),
                text(e, "phone"), text(e, "email"))
                : null;
        return new ReferenceChanged(seedId(list + ":" + code), at, SEED_ACTOR, 1, list, code, e.path("name").asString(),
                text(e, "org"), true, levels, department);
    }

    /** The same event id for the same seed entry every time the catalogue is read. */
    private static UUID seedId(String key) {
        return UUID.nameUUIDFromBytes(("minyi-seed:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode e, String field) {
        JsonNode n = e.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }

    private static List<LocalDate> dates(JsonNode array) {
        List<LocalDate> dates = new ArrayList<>();
        array.forEach(d -> dates.add(LocalDate.parse(d.asString())));
        return dates;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ShippedCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JsonMapper.builder().build().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
