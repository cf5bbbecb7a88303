package io.minyi.intake.report.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.ReportSubmitted;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A report as its author submitted it: the original text is kept here unchanged; the status follows
 * the workflow.
 */
public record Report(String id, OrgPath org, Actor author, String title, String body, Details details,
                     Instant submittedAt, ReportStatus status, Instant statusAt) {

    static final int SUMMARY_LENGTH = 120;

    /**
     * The id of a submission made with a client-chosen idempotency key: derived from the author and
     * the key, so a retried submission can only ever name the same report.
     */
    public static String idempotentId(Actor author, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("idempotency:" + author.id() + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Submits report {@code id} to the author's body; returns the report and its event. */
    public static Submission submit(String id, OrgPath org, Actor author, String title, String body,
                                    Details details, Instant now) {
        Report report = new Report(id, org, author, title.strip(), body.strip(), details, now, ReportStatus.SUBMITTED, now);
        ReportSubmitted event = new ReportSubmitted(UUID.randomUUID(), now, report.id, org, author,
                report.title, report.summary(), report.body, details.channel().wireName(), details.topic(),
                details.sector(), details.urgency().wireName(), details.coAuthors(), details.station(),
                details.constituents());
        return new Submission(report, event);
    }

    public String summary() {
        return body.length() <= SUMMARY_LENGTH ? body : body.substring(0, SUMMARY_LENGTH) + "…";
    }

    public record Submission(Report report, ReportSubmitted event) {
    }
}
