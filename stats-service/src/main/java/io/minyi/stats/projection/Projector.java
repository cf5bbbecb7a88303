package io.minyi.stats.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.projection.domain.Contribution;
import io.minyi.stats.projection.domain.ReportFact;
import io.minyi.stats.projection.store.CellStore;
import io.minyi.stats.projection.store.FactStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Projects a batch of one partition's events: folds each into its report's fact, sums the changes of
 * the facts' contributions per cell with the offsets they cover ({@link CellBatch}), writes the cells
 * (each exactly once, see {@link CellStore}) and only then the facts. Replaying a batch after a crash at
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
        List<Positioned> counted = new ArrayList<>();
        List<Contribution> deltas = new ArrayList<>();
        CellBatch batch = new CellBatch(partition);
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
                batch.add(p.offset(), delta);
                counted.add(p);
                deltas.add(delta);
                metrics.counted(e.org().value(), delta.main());
            }
        }
        if (!cells.apply(batch.changes())) {
            // a replay whose cells hold part of this batch already: event by event, each cell skips what it has
            List<CellStore.Change> exact = new ArrayList<>();
            for (int i = 0; i < counted.size(); i++) {
                exact.addAll(CellBatch.ofOneEvent(partition, counted.get(i).offset(), deltas.get(i)));
            }
            if (!cells.apply(exact)) {
                throw new IllegalStateException("single events' changes cannot straddle a cell's offset");
            }
        }
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
