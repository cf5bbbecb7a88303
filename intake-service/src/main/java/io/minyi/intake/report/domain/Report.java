package io.minyi.intake.report.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportSubmitted;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A report as its author submitted it: the original text is kept here unchanged. */
public record Report(String id, OrgPath org, Actor author, String title, String body, Details details,
                     Instant submittedAt) {

    static final int SUMMARY_LENGTH = 120;

    /** Submits a report to the author's body; returns the report and its event. */
    public static Submission submit(OrgPath org, Actor author, String title, String body, Details details,
                                    Instant now) {
        return submit(UUID.randomUUID().toString(), org, author, title, body, details, now);
    }

    /**
     * Submits with a client-chosen idempotency key: the report id is derived from the author and the
     * key, so a retried submission can only ever name the same report.
     */
    public static Submission submitIdempotently(String idempotencyKey, OrgPath org, Actor author, String title,
                                                String body, Details details, Instant now) {
        String id = UUID.nameUUIDFromBytes(("idempotency:" + author.id() + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return submit(id, org, author, title, body, details, now);
    }

    private static Submission submit(String id, OrgPath org, Actor author, String title, String body,
                                     Details details, Instant now) {
        Report report = new Report(id, org, author, title.strip(), body.strip(), details, now);
        ReportSubmitted event = new ReportSubmitted(UUID.randomUUID(), now, report.id, org, author,
                report.title, report.summary(), report.body, details.channel().wireName(), details.topic(),
                details.sector(), details.urgency().wireName(), details.coAuthors());
        return new Submission(report, event);
    }

    public String summary() {
        return body.length() <= SUMMARY_LENGTH ? body : body.substring(0, SUMMARY_LENGTH) + "…";
    }

    public record Submission(Report report, ReportSubmitted event) {
    }
}
