package io.minyi.stats.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.projection.domain.Contribution;
import io.minyi.stats.projection.domain.Keys;
import io.minyi.stats.projection.domain.Period;
import io.minyi.stats.projection.domain.ReportFact;
import io.minyi.stats.projection.store.CellStore;
import io.minyi.stats.projection.store.FactStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects a batch of one partition's events: folds each into its report's fact, turns the change of
 * the fact's contribution into cell changes tagged with the event's offset, writes the cells (each
 * exactly once, see {@link CellStore}) and only then the facts. Replaying a batch after a crash at
 * any point therefore gives the same cells: facts not yet written give the same changes again, which
 * the cells skip by offset; facts already written know the events and give no change.
 */
public class Projector {

    /** An event and where it sits in its partition. */
    public record Positioned(long offset, ReportEvent event) {
    }

    private final FactStore facts;
    private final CellStore cells;
    private final BusinessMetrics metrics;

    public Projector(FactStore facts, CellStore cells, BusinessMetrics metrics) {
        this.facts = facts;
        this.cells = cells;
        this.metrics = metrics;
    }

    public void project(int partition, List<Positioned> events) {
        Map<String, ReportFact> known = facts.load(events.stream().map(p -> p.event().reportId()).distinct().toList());
        Map<String, ReportFact> changed = new LinkedHashMap<>();
        // each report's contribution after its latest event in this batch: the "before" of its next one
        Map<String, Contribution> current = new HashMap<>();
        List<CellStore.Change> changes = new ArrayList<>();
        for (Positioned p : events) {
            ReportEvent e = p.event();
            ReportFact fact = changed.containsKey(e.reportId()) ? changed.get(e.reportId())
                    : known.getOrDefault(e.reportId(), ReportFact.of(e.reportId(), e.org().value()));
            Contribution before = current.get(e.reportId());
            if (before == null) {
                before = Contribution.of(fact);
            }
            if (!fact.apply(e)) {
                continue; // seen before: redelivered
            }
            changed.put(e.reportId(), fact);
            Contribution after = Contribution.of(fact);
            current.put(e.reportId(), after);
            Contribution delta = Contribution.delta(before, after);
            if (!delta.isEmpty()) {
                cellChanges(partition, p.offset(), delta, changes);
                metrics.counted(e.org().value(), delta.main());
            }
        }
        cells.apply(changes);
        facts.saveAll(changed.values(), known.keySet());
    }

    /**
     * Projects each partition's events, partitions side by side on {@code pool} (their reports and cells
     * are disjoint); waits for all and then throws the first failure, so a retried batch never races a
     * partition still being written.
     */
    public void projectAll(Map<Integer, List<Positioned>> byPartition, java.util.concurrent.ExecutorService pool) {
        if (pool == null || byPartition.size() <= 1) {
            byPartition.forEach(this::project);
            return;
        }
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        byPartition.forEach((partition, events) -> running.add(pool.submit(() -> project(partition, events))));
        RuntimeException failure = null;
        for (var f : running) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while projecting", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void cellChanges(int partition, long offset, Contribution delta, List<CellStore.Change> out) {
        Map<String, Long> main = fields(delta.main());
        for (String body : delta.bodies()) {
            Map<String, Map<String, Long>> byDimension = new HashMap<>();
            delta.breakdowns().getOrDefault(body, Map.of()).forEach((k, v) ->
                    byDimension.computeIfAbsent(k.substring(0, k.indexOf('.')), d -> new HashMap<>()).put(Keys.field(k), v));
            Map<String, Map<String, String>> labels = new HashMap<>();
            delta.labels().forEach((k, v) -> labels.computeIfAbsent(k.substring(0, k.indexOf('.')), d -> new HashMap<>())
                    .put(Keys.field("nm." + k), v));
            for (String period : Period.keysOf(delta.day())) {
                String cell = CellIds.main(body, period, partition);
                if (!main.isEmpty()) {
                    out.add(new CellStore.Change(cell, offset, main, Map.of()));
                }
                java.util.Set<String> dimensions = new java.util.HashSet<>(byDimension.keySet());
                dimensions.addAll(labels.keySet());
                if (CellIds.isDay(period)) {
                    Map<String, Long> all = new HashMap<>();
                    Map<String, String> allLabels = new HashMap<>();
                    byDimension.values().forEach(all::putAll);
                    labels.values().forEach(allLabels::putAll);
                    if (!all.isEmpty() || !allLabels.isEmpty()) {
                        out.add(new CellStore.Change(CellIds.breakdown(cell, period, null), offset, all, allLabels));
                    }
                    continue;
                }
                for (String dimension : dimensions) {
                    out.add(new CellStore.Change(CellIds.breakdown(cell, period, dimension), offset,
                            byDimension.getOrDefault(dimension, Map.of()), labels.getOrDefault(dimension, Map.of())));
                }
            }
        }
    }

    private static Map<String, Long> fields(Map<String, Long> counters) {
        Map<String, Long> m = new HashMap<>();
        counters.forEach((k, v) -> m.put(Keys.field(k), v));
        return m;
    }

    /** The Micrometer counters of reports received and adopted per body, for Prometheus and Grafana. */
    public static class BusinessMetrics {
        private final MeterRegistry meters;

        public BusinessMetrics(MeterRegistry meters) {
            this.meters = meters;
        }

        void counted(String org, Map<String, Long> main) {
            count("minyi.stats.reports.received", org, main.getOrDefault("rcv", 0L));
            count("minyi.stats.reports.adopted", org, main.getOrDefault("adp", 0L));
            count("minyi.stats.reports.signed-off", org, main.getOrDefault("sgn", 0L));
            count("minyi.stats.reports.responded", org, main.getOrDefault("rsp", 0L));
        }

        private void count(String name, String org, long n) {
            if (n > 0) {
                meters.counter(name, "org", org).increment(n);
            }
        }
    }
}
