package io.minyi.intake.report;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.intake.report.domain.Constituent;
import io.minyi.intake.report.domain.Details;
import io.minyi.intake.report.domain.Report;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.privacy.PersonalDataScanner;
import io.minyi.support.observability.ReportMdc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepting a report: mask it, store it with its event in one write. Nothing else sits on this path:
 * near-duplicates are found by the similarity projection from the event, seconds later.
 */
@Service
public class ReportIntake {

    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

    private final ReportStore store;
    private final PersonalDataScanner scanner;
    private final Clock clock;

    public ReportIntake(ReportStore store, PersonalDataScanner scanner, Clock clock) {
        this.store = store;
        this.scanner = scanner;
        this.clock = clock;
    }

    /** The outcome of a submission: the report, and whether it replays an earlier idempotent one. */
    public record Accepted(Report report, boolean replayed) {
    }

    public Accepted submit(OrgPath org, Actor author, String title, String body, Details details,
                           Constituent constituent, Optional<String> idempotencyKey) {
        String id = idempotencyKey.map(key -> Report.idempotentId(author, key))
                .orElseGet(() -> UUID.randomUUID().toString());
        return submit(id, org, author, title, body, details, constituent);
    }

    /** Whether a stored report is what this submission would have stored (masked as a submission masks it). */
    public boolean sameAs(Report stored, OrgPath org, String title, String body, Details details) {
        Report again = Report.submit(stored.id(), org, stored.author(), title, body, details, Constituent.NONE, scanner,
                stored.submittedAt()).report();
        return stored.org().equals(org) && stored.title().equals(again.title()) && stored.body().equals(again.body())
                && stored.details().equals(again.details());
    }

    /**
     * Submits report {@code id}; if it was submitted already (a retry), returns the stored one as a
     * replay and changes nothing.
     */
    public Accepted submit(String id, OrgPath org, Actor author, String title, String body, Details details,
                           Constituent constituent) {
        var now = clock.instant();
        Report.Submission submission = Report.submit(id, org, author, title, body, details, constituent, scanner, now);
        Report report = submission.report();
        Optional<Report> existing = store.insertIfAbsent(submission);
        if (existing.isPresent()) {
            return new Accepted(existing.get(), true);
        }
        try (var mdc = ReportMdc.of(report.id())) {
            log.info("Report submitted to {} by {}; personal data: {}", org, author.id(),
                    report.personal().isEmpty() ? "none" : report.personal());
        }
        return new Accepted(report, false);
    }
}
