package io.minyi.intake.report.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportSubmitted;

import java.time.Instant;
import java.util.UUID;

/** A report as its author submitted it: the original text is kept here unchanged. */
public record Report(String id, OrgPath org, Actor author, String title, String body, Instant submittedAt) {

    static final int SUMMARY_LENGTH = 120;

    /** Submits a report to the author's body; returns the report and its event. */
    public static Submission submit(OrgPath org, Actor author, String title, String body, Instant now) {
        Report report = new Report(UUID.randomUUID().toString(), org, author, title.strip(), body.strip(), now);
        ReportSubmitted event = new ReportSubmitted(UUID.randomUUID(), now, report.id, org, author,
                report.title, report.summary(), report.body);
        return new Submission(report, event);
    }

    public String summary() {
        return body.length() <= SUMMARY_LENGTH ? body : body.substring(0, SUMMARY_LENGTH) + "…";
    }

    public record Submission(Report report, ReportSubmitted event) {
    }
}
