package io.minyi.intake.similarity.messaging;

import io.minyi.contracts.Events;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportResubmitted;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.ReportWithdrawn;
import io.minyi.intake.background.BackgroundPriority;
import io.minyi.intake.similarity.SimilarityIndex;
import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.intake.similarity.domain.ReportVector;
import io.minyi.intake.similarity.embedding.SentenceEmbedder;
import io.minyi.intake.similarity.store.SimilarityStore;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.support.observability.ReportMdc;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The similarity projection: consumes the report events in its own consumer group (shared by all
 * intake instances, so each text is embedded once), embeds the title and text of every submitted,
 * edited and resubmitted report, stores the vectors, and takes merged and withdrawn reports out of the
 * candidates. Embedding costs tens of milliseconds: it happens here, never on a request.
 */
@Component
class SimilarityProjection {

    private final SentenceEmbedder embedder;
    private final SimilarityStore store;
    private final SimilarityIndex index;
    private final Clock clock;
    private final Timer embedding;
    private final Timer lag;
    private final Counter stale;

    SimilarityProjection(SentenceEmbedder embedder, SimilarityStore store, SimilarityIndex index, Clock clock,
                         MeterRegistry meters) {
        this.embedder = embedder;
        this.store = store;
        this.index = index;
        this.clock = clock;
        this.embedding = Timer.builder("minyi.similarity.embedding").description("Embedding one report's text")
                .register(meters);
        this.lag = Timer.builder("minyi.similarity.lag").description("From a text event to its vectors stored")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.stale = Counter.builder("minyi.similarity.stale").description("Text events older than the stored text")
                .register(meters);
    }

    @KafkaListener(topics = Events.TOPIC, groupId = "${spring.application.name}-similarity")
    void on(ConsumerRecord<String, byte[]> record) {
        BackgroundPriority.enter();
        ReportEvent event = CloudEventsKafka.decode(record);
        try (var mdc = ReportMdc.of(event.reportId())) {
            handle(event);
        }
    }

    void handle(ReportEvent event) {
        if (event instanceof ReportSubmitted s) {
            text(s.reportId(), s.org(), s.title(), s.body(), true, s.occurredAt());
        } else if (event instanceof ReportEdited e) {
            text(e.reportId(), e.org(), e.title(), e.body(), false, e.occurredAt());
        } else if (event instanceof ReportResubmitted r) {
            text(r.reportId(), r.org(), r.title(), r.body(), false, r.occurredAt());
        } else if (event instanceof ReportMerged || event instanceof ReportWithdrawn) {
            store.deactivate(event.reportId(), event.org(), clock.instant());
            index.remove(event.reportId(), event.org());
        }
    }

    private void text(String id, OrgPath org, String newTitle, String newBody, boolean submission, Instant at) {
        if (newTitle == null && newBody == null) {
            return; // a change of classification only
        }
        String title = newTitle;
        String body = newBody;
        if (title == null || body == null) {
            String[] stored = store.text(id).orElse(null);
            if (stored == null) {
                return; // the earlier text never reached this projection; nothing to combine with
            }
            title = title == null ? stored[0] : title;
            body = body == null ? stored[1] : body;
        }
        String text = title + "\n" + body;
        float[] vector = embedding.record(() -> embedder.embed(text));
        ReportVector report = new ReportVector(id, org, title, at, vector, Fingerprint.of(text), true);
        Instant now = clock.instant();
        if (store.storeText(report, body, submission, at, now)) {
            lag.record(Duration.between(at, now).isNegative() ? Duration.ZERO : Duration.between(at, now));
            store.find(id).ifPresent(index::put);
        } else {
            stale.increment();
        }
    }
}
