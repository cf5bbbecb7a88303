package io.minyi.stats.projection;

import io.minyi.stats.projection.domain.Contribution;
import io.minyi.stats.projection.domain.Keys;
import io.minyi.stats.projection.domain.Period;
import io.minyi.stats.projection.store.CellStore;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cell changes of one partition's events, summed per cell: each cell gets one change covering the
 * offsets of the first and the last event that touched it. Labels are set in offset order, so the latest
 * name wins. A cell's counters are kept as {@code long}s while summing; zero sums stay (the field is
 * written, as one event at a time would have).
 */
final class CellBatch {

    private final int partition;
    private final Map<String, Sum> cells = new LinkedHashMap<>();
    private final Map<LocalDate, List<String>> periods = new HashMap<>();
    private final Map<String, Map<String, String>> mainIds = new HashMap<>();
    private final Map<String, Map<String, String>> breakdownIds = new HashMap<>();

    CellBatch(int partition) {
        this.partition = partition;
    }

    /** The changes of one event, one per cell, as {@link CellStore} applies them when batches overlap. */
    static List<CellStore.Change> ofOneEvent(int partition, long offset, Contribution delta) {
        CellBatch one = new CellBatch(partition);
        one.add(offset, delta);
        return one.changes();
    }

    void add(long offset, Contribution delta) {
        Map<String, Long> main = new HashMap<>();
        delta.main().forEach((k, v) -> main.put(Keys.field(k), v));
        for (String body : delta.bodies()) {
            Map<String, Long> via = delta.via().getOrDefault(body, Map.of());
            for (String period : periods.computeIfAbsent(delta.day(), Period::keysOf)) {
                String cell = mainIds.computeIfAbsent(body, b -> new HashMap<>())
                        .computeIfAbsent(period, p -> CellIds.main(body, p, partition));
                if (!main.isEmpty()) {
                    sum(cell, offset).add(main);
                }
                if (CellIds.isDay(period)) {
                    Sum day = null;
                    for (Map<String, Long> row : delta.rows().values()) {
                        day = add(day, cell, period, null, offset, row);
                    }
                    day = add(day, cell, period, null, offset, via);
                    if (!delta.labels().isEmpty()) {
                        (day != null ? day : breakdown(cell, period, null, offset)).label(delta.labels());
                    }
                    continue;
                }
                delta.rows().forEach((dim, row) -> add(null, cell, period, dim, offset, row));
                add(null, cell, period, "body", offset, via);
                if (!delta.labels().isEmpty()) {
                    breakdown(cell, period, Contribution.LABELLED, offset).label(delta.labels());
                }
            }
        }
    }

    List<CellStore.Change> changes() {
        List<CellStore.Change> out = new ArrayList<>(cells.size());
        cells.forEach((cell, s) -> out.add(s.change(cell)));
        return out;
    }

    private Sum add(Sum known, String cell, String period, String dim, long offset, Map<String, Long> row) {
        if (row.isEmpty()) {
            return known;
        }
        Sum s = known != null ? known : breakdown(cell, period, dim, offset);
        s.add(row);
        return s;
    }

    private Sum breakdown(String cell, String period, String dim, long offset) {
        String id = breakdownIds.computeIfAbsent(cell, c -> new HashMap<>())
                .computeIfAbsent(dim == null ? "" : dim, d -> CellIds.breakdown(cell, period, dim));
        return sum(id, offset);
    }

    private Sum sum(String cell, long offset) {
        Sum s = cells.computeIfAbsent(cell, c -> new Sum(offset));
        s.last = offset;
        return s;
    }

    /** What the batch adds to one cell. */
    private static final class Sum {
        final long first;
        long last;
        final Map<String, long[]> counters = new HashMap<>();
        Map<String, String> labels;

        Sum(long first) {
            this.first = first;
            this.last = first;
        }

        void add(Map<String, Long> increments) {
            increments.forEach((k, v) -> counters.computeIfAbsent(k, x -> new long[1])[0] += v);
        }

        void label(Map<String, String> names) {
            if (labels == null) {
                labels = new HashMap<>();
            }
            labels.putAll(names);
        }

        CellStore.Change change(String cell) {
            Map<String, Long> increments = new HashMap<>(counters.size() * 2);
            counters.forEach((k, v) -> increments.put(k, v[0]));
            return new CellStore.Change(cell, first, last, increments, labels == null ? Map.of() : labels);
        }
    }
}
