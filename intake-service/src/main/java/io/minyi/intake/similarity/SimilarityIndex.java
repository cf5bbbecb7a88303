package io.minyi.intake.similarity;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.similarity.domain.Candidate;
import io.minyi.intake.similarity.domain.ReportVector;
import io.minyi.intake.similarity.domain.SimilarReports;
import io.minyi.intake.similarity.domain.VectorIndex;
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
import java.util.List;

/**
 * This instance's {@link VectorIndex}, a replica of the similarity collection: filled when the
 * service starts (before it reports ready) and kept current by following the collection's changes
 * every second, whichever instance's projection wrote them, so every instance answers alike.
 * Candidates are computed when asked, from the report's current vectors: an edit changes them at once.
 */
@Component
public class SimilarityIndex {

    private static final Logger log = LoggerFactory.getLogger(SimilarityIndex.class);

    private final VectorIndex index = new VectorIndex(Duration.ofDays(SimilarReports.RECENT_DAYS));
    private final SimilarityStore store;
    private final Clock clock;
    private final Duration overlap;
    private Instant watermark = Instant.EPOCH;

    SimilarityIndex(SimilarityStore store, Clock clock, MeterRegistry meters,
                    @Value("${minyi.similarity.follow-overlap:PT3S}") Duration overlap) {
        this.store = store;
        this.clock = clock;
        this.overlap = overlap;
        Gauge.builder("minyi.similarity.index.reports", index, VectorIndex::size).register(meters);
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
    }

    private boolean apply(SimilarityStore.Stored stored, Instant now) {
        if (stored.changedAt().isAfter(watermark)) {
            watermark = stored.changedAt();
        }
        if (stored.vector() == null) {
            return false;
        }
        return index.put(stored.vector(), now);
    }

    /** The candidates for a report of {@code org}, best first; none while its text is not embedded yet. */
    public List<Candidate> similar(String reportId, OrgPath org) {
        Instant now = clock.instant();
        return index.get(reportId, org).map(r -> index.similar(r, now)).orElse(List.of());
    }

    /** Reports of the city tree closest in meaning to a report (cosine of the embeddings), best first. */
    public List<VectorIndex.Near> nearest(String reportId, OrgPath org, int limit) {
        Instant now = clock.instant();
        return index.get(reportId, org).map(r -> index.nearest(r, limit, now)).orElse(List.of());
    }

    /** Whether the report's current text is in the index (false until the projection embedded it). */
    public boolean indexed(String reportId, OrgPath org) {
        return index.get(reportId, org).isPresent();
    }

    /** This instance's own projection stored the report: no need to wait for the next look. */
    public void put(ReportVector report) {
        index.put(report, clock.instant());
    }

    public void remove(String reportId, OrgPath org) {
        index.remove(reportId, org);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void evict() {
        index.evict(clock.instant());
    }
}
