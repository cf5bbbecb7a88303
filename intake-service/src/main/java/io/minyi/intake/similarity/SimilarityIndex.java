package io.minyi.intake.similarity;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.ReportWithdrawn;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.intake.similarity.domain.Candidate;
import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.intake.similarity.domain.FingerprintIndex;
import io.minyi.intake.similarity.domain.SimilarReports;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.support.messaging.ReportEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * This instance's {@link FingerprintIndex}: filled from the database when the service starts (before
 * it reports ready), kept current by its own submissions and by every {@code report.submitted} event
 * (so submissions through other instances arrive too), and trimmed to the window every hour.
 */
@Component
public class SimilarityIndex implements ReportEventHandler {

    private static final Logger log = LoggerFactory.getLogger(SimilarityIndex.class);

    private final FingerprintIndex index = new FingerprintIndex(Duration.ofDays(SimilarReports.RECENT_DAYS));
    private final ReportStore store;
    private final Clock clock;

    SimilarityIndex(ReportStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        Gauge.builder("minyi.similarity.index.reports", index, FingerprintIndex::size).register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        int[] count = {0};
        store.forEachRecent(now.minus(Duration.ofDays(SimilarReports.RECENT_DAYS)), (r, fingerprint) -> {
            if (index.add(r.reportId(), r.org(), r.title(), r.submittedAt(), fingerprint, now)) {
                count[0]++;
            }
        });
        log.info("Similarity index loaded: {} recent reports in {} ms", count[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The recent reports of the city tree similar to the text, best first. */
    public List<Candidate> similar(OrgPath org, Fingerprint fingerprint, String except) {
        return index.similar(org, fingerprint, except, clock.instant());
    }

    public void add(String reportId, OrgPath org, String title, Instant submittedAt, Fingerprint fingerprint) {
        index.add(reportId, org, title, submittedAt, fingerprint, clock.instant());
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportSubmitted s) {
            add(s.reportId(), s.org(), s.title(), s.occurredAt(), Fingerprint.of(s.title() + "\n" + s.body()));
        } else if (event instanceof ReportWithdrawn w) {
            index.remove(w.reportId(), w.org());
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void evict() {
        index.evict(clock.instant());
    }
}
