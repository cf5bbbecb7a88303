package io.minyi.intake.similarity;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.similarity.domain.Candidate;
import io.minyi.intake.similarity.domain.ReportVector;
import io.minyi.intake.similarity.domain.SimilarReports;
import io.minyi.intake.similarity.domain.VectorIndex;
import io.minyi.intake.lucene.ScratchDirectory;
import io.minyi.intake.similarity.knn.KnnIndex;
import jakarta.annotation.PreDestroy;
import io.minyi.intake.similarity.store.SimilarityStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * This instance's {@link VectorIndex}, a replica of the similarity collection: filled when the
 * service starts (before it reports ready) and kept current by following the collection's changes
 * every second, whichever instance's projection wrote them, so every instance answers alike.
 * Candidates are computed when asked, from the report's current vectors: an edit changes them at once.
 * A city tree with more than {@code minyi.similarity.exact-up-to} (20,000) recent reports is not scanned
 * whole: an HNSW graph of the same vectors ({@link KnnIndex}) proposes the nearest 100, scored exactly.
 */
@Component
public class SimilarityIndex {

    private static final Logger log = LoggerFactory.getLogger(SimilarityIndex.class);
    /** How many nearest reports the HNSW graph proposes for exact scoring in a large city. */
    static final int KNN_CANDIDATES = 100;

    private final VectorIndex index = new VectorIndex(Duration.ofDays(SimilarReports.RECENT_DAYS));
    private final SimilarityStore store;
    private final Clock clock;
    private final Duration overlap;
    private final KnnIndex knn;
    private final int exactUpTo;
    private Instant watermark = Instant.EPOCH;
    private final Map<String, Instant> applied = new HashMap<>();

    SimilarityIndex(SimilarityStore store, Clock clock, MeterRegistry meters,
                    @Value("${minyi.similarity.follow-overlap:PT3S}") Duration overlap,
                    @Value("${minyi.similarity.exact-up-to:20000}") int exactUpTo,
                    @Value("${minyi.similarity.knn-dir:}") String knnDir) {
        this.store = store;
        this.clock = clock;
        this.overlap = overlap;
        this.exactUpTo = exactUpTo;
        this.knn = new KnnIndex(ScratchDirectory.path(knnDir, "knn"));
        Gauge.builder("minyi.similarity.index.reports", index, VectorIndex::size).register(meters);
    }

    @PreDestroy
    void close() throws java.io.IOException {
        knn.close();
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void load() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int[] count = {0};
        store.forEachSubmittedSince(now.minus(Duration.ofDays(SimilarReports.RECENT_DAYS)), stored -> {
            if (apply(stored, now)) {
                count[0]++;
            }
        });
        log.info("Similarity index loaded: {} recent reports in {} ms", count[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Applies what changed in the collection since the last look. */
    @Scheduled(fixedDelayString = "${minyi.similarity.follow-interval:PT1S}")
    public synchronized void refresh() {
        Instant now = clock.instant();
        store.forEachChangedSince(watermark.minus(overlap), stored -> apply(stored, now));
        Instant forget = watermark.minus(overlap.multipliedBy(2));
        applied.values().removeIf(changedAt -> changedAt.isBefore(forget));
    }

    /**
     * Puts a stored report into both indexes unless this very version (its {@code changedAt}) is in
     * them already: each look re-reads the last few seconds (the overlap, for writes of other instances
     * that land late), which applied every change three times, graph update included.
     */
    private boolean apply(SimilarityStore.Stored stored, Instant now) {
        if (stored.changedAt().isAfter(watermark)) {
            watermark = stored.changedAt();
        }
        if (stored.vector() == null || stored.changedAt().equals(applied.put(stored.vector().reportId(), stored.changedAt()))) {
            return false;
        }
        return mirror(stored.vector(), index.put(stored.vector(), now));
    }

    /** The approximate index holds what the exact one holds. */
    private boolean mirror(ReportVector report, boolean indexed) {
        if (indexed) {
            knn.put(report.reportId(), VectorIndex.city(report.org()), report.submittedAt(), report.embedding());
        } else {
            knn.remove(report.reportId());
        }
        return indexed;
    }

    /** The reports to score exactly: all of the city up to {@code exactUpTo}, else the HNSW graph's nearest. */
    private Collection<String> among(ReportVector r, int k, Instant now) {
        if (index.citySize(r.org()) <= exactUpTo) {
            return null;
        }
        return knn.nearest(VectorIndex.city(r.org()), now.minus(Duration.ofDays(SimilarReports.RECENT_DAYS)),
                r.embedding(), k);
    }

    /** The candidates for a report of {@code org}, best first; none while its text is not embedded yet. */
    public List<Candidate> similar(String reportId, OrgPath org) {
        Instant now = clock.instant();
        return index.get(reportId, org).map(r -> index.similar(r, among(r, KNN_CANDIDATES, now), now)).orElse(List.of());
    }

    /** Reports of the city tree closest in meaning to a report (cosine of the embeddings), best first. */
    public List<VectorIndex.Near> nearest(String reportId, OrgPath org, int limit) {
        Instant now = clock.instant();
        return index.get(reportId, org).map(r -> index.nearest(r, among(r, Math.max(limit, KNN_CANDIDATES), now), limit, now))
                .orElse(List.of());
    }

    /** Whether the report's current text is in the index (false until the projection embedded it). */
    public boolean indexed(String reportId, OrgPath org) {
        return index.get(reportId, org).isPresent();
    }

    /** This instance's own projection stored the report: no need to wait for the next look. */
    public synchronized void put(SimilarityStore.Stored stored) {
        apply(stored, clock.instant());
    }

    public synchronized void remove(String reportId, OrgPath org) {
        index.remove(reportId, org);
        knn.remove(reportId);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    synchronized void evict() {
        Instant now = clock.instant();
        index.evict(now);
        knn.evict(now.minus(Duration.ofDays(SimilarReports.RECENT_DAYS)));
    }
}
