package io.minyi.intake.reference;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.WireNamed;
import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.intake.reference.domain.CalendarYear;
import io.minyi.intake.reference.domain.DepartmentInfo;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import io.minyi.support.reference.ShippedCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference lists reports are classified by — topics, sectors (界别), liaison stations, the tree of
 * CPPCC bodies, the departments (承办单位) — and the working calendar. intake-service owns them: kept in
 * MongoDB, seeded once for the demo city from the shipped catalogue, every change published on the
 * reference topic for the other services. Read from an in-memory snapshot that is reloaded after every
 * change and every 30 seconds (so that changes made through another instance arrive too).
 */
@Service
public class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final ReferenceStore store;
    private final Clock clock;
    private volatile boolean seeded;
    private volatile Map<ReferenceKind, Map<String, ReferenceEntry>> snapshot = new EnumMap<>(ReferenceKind.class);
    private volatile Map<Integer, CalendarYear> calendar = Map.of();

    ReferenceData(ReferenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Loaded while the context starts, before the web server takes a request: an instance that took requests
     * first answered a member's submission 422 {@code unknown-org} (seen in the scale-out drill, right after a
     * restart behind the load balancer); then every 30 seconds.
     */
    @jakarta.annotation.PostConstruct
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    public synchronized void reload() {
        try {
            if (!seeded) {
                seed();
                seeded = true;
            }
            Map<ReferenceKind, Map<String, ReferenceEntry>> next = new EnumMap<>(ReferenceKind.class);
            for (ReferenceKind kind : ReferenceKind.values()) {
                next.put(kind, new LinkedHashMap<>());
            }
            store.all().stream().sorted(Comparator.comparing(ReferenceEntry::code))
                    .forEach(e -> next.get(e.kind()).put(e.code(), e));
            Map<Integer, CalendarYear> years = new TreeMap<>();
            store.calendarYears().forEach(y -> years.put(y.year(), y));
            snapshot = next;
            calendar = years;
        } catch (RuntimeException e) {
            log.warn("Reference data not reloaded, keeping the last snapshot: {}", e.toString());
        }
    }

    public Optional<ReferenceEntry> find(ReferenceKind kind, String code) {
        return Optional.ofNullable(snapshot.getOrDefault(kind, Map.of()).get(code));
    }

    /** True when {@code code} is an active entry of the list. */
    public boolean isActive(ReferenceKind kind, String code) {
        return find(kind, code).map(ReferenceEntry::active).orElse(false);
    }

    public boolean isTopic(String code) {
        return isActive(ReferenceKind.TOPIC, code);
    }

    public boolean isSector(String code) {
        return isActive(ReferenceKind.SECTOR, code);
    }

    public boolean isStation(String code) {
        return isActive(ReferenceKind.STATION, code);
    }

    public boolean isOrg(OrgPath org) {
        return isActive(ReferenceKind.ORG, org.value());
    }

    /** Every entry of a list, the retired ones too when asked. */
    public List<ReferenceEntry> list(ReferenceKind kind, boolean withRetired) {
        return snapshot.getOrDefault(kind, Map.of()).values().stream().filter(e -> withRetired || e.active()).toList();
    }

    /** Whether active sub-bodies, stations or departments depend on the org, which keeps it from being retired. */
    public boolean hasActiveDependants(OrgPath org) {
        return list(ReferenceKind.ORG, false).stream()
                .anyMatch(e -> !e.code().equals(org.value()) && org.covers(OrgPath.of(e.code())))
                || list(ReferenceKind.STATION, false).stream().anyMatch(e -> org.covers(e.org()))
                || list(ReferenceKind.DEPARTMENT, false).stream().anyMatch(e -> org.covers(e.org()));
    }

    /** The calendar years entered, by year. */
    public Map<Integer, CalendarYear> calendarYears() {
        return calendar;
    }

    /** Stores the entries (each with its change event), then reloads the snapshot once. */
    void saved(List<ReferenceEntry> entries, String by) {
        Instant now = clock.instant();
        entries.forEach(entry -> store.save(entry, by, now, false));
        reload();
    }

    void saved(CalendarYear year, String by) {
        store.save(year, by, clock.instant(), false);
        reload();
    }

    /** The shipped demo catalogue where the store lacks it, then a first event for entries kept from before events. */
    private void seed() {
        Instant now = clock.instant();
        for (ReferenceEvent event : ShippedCatalog.events(now)) {
            if (event instanceof ReferenceChanged e) {
                store.save(entry(e), ShippedCatalog.SEED_ACTOR, now, true);
            } else if (event instanceof CalendarChanged c) {
                store.save(new CalendarYear(c.year(), c.holidays(), c.workingWeekends(), c.source()),
                        ShippedCatalog.SEED_ACTOR, now, true);
            }
        }
        for (ReferenceEntry e : store.unpublished()) {
            store.save(e, "migration", now, false);
        }
    }

    private static ReferenceEntry entry(ReferenceChanged e) {
        ReferenceChanged.Department d = e.department();
        return new ReferenceEntry(WireNamed.fromWireName(ReferenceKind.class, e.list()), e.code(), e.name(),
                e.org() == null ? null : OrgPath.of(e.org()), e.active(), e.levelNames(),
                d == null ? null : new DepartmentInfo(d.shortName(), d.kind(), d.contactPerson(), d.phone(), d.email()));
    }
}
