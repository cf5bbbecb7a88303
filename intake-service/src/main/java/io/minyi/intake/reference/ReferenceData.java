package io.minyi.intake.reference;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference lists reports are classified by: topics, sectors (界别), liaison stations and the
 * tree of CPPCC bodies. Kept in MongoDB, seeded for the demo city from {@code reference/catalog.json},
 * read from an in-memory snapshot that is reloaded after every change and every 30 seconds (so that
 * changes made through another instance arrive too).
 */
@Service
public class ReferenceData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

    private final ReferenceStore store;
    private final Clock clock;
    private volatile boolean seeded;
    private volatile Map<ReferenceKind, Map<String, ReferenceEntry>> snapshot = new EnumMap<>(ReferenceKind.class);

    ReferenceData(ReferenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    public void reload() {
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
            snapshot = next;
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

    /** Whether active sub-bodies or stations depend on the org, which keeps it from being retired. */
    public boolean hasActiveDependants(OrgPath org) {
        return list(ReferenceKind.ORG, false).stream()
                .anyMatch(e -> !e.code().equals(org.value()) && org.covers(OrgPath.of(e.code())))
                || list(ReferenceKind.STATION, false).stream().anyMatch(e -> org.covers(e.org()));
    }

    void saved(ReferenceEntry entry, String by) {
        store.save(entry, by, clock.instant());
        reload();
    }

    private void seed() {
        try (InputStream in = getClass().getResourceAsStream("/reference/catalog.json")) {
            JsonNode catalog = JsonMapper.builder().build().readTree(in);
            for (ReferenceKind kind : ReferenceKind.values()) {
                for (JsonNode e : catalog.path(kind.wireName())) {
                    String org = e.path("org").isMissingNode() ? null : e.path("org").asString();
                    store.seed(new ReferenceEntry(kind, e.path("code").asString(), e.path("name").asString(),
                            org == null ? null : OrgPath.of(org), true), clock.instant());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
