package io.minyi.intake.draft.web;

import io.minyi.intake.draft.Draft;
import io.minyi.intake.report.web.SubmitReportRequest;

import java.time.Instant;

/** A draft as its author sees it; {@code content} has the fields of a submission, as saved. */
public record DraftView(String id, String org, long revision, Instant createdAt, Instant savedAt,
                        SubmitReportRequest content) {

    static DraftView of(Draft d) {
        return new DraftView(d.id(), d.org().value(), d.revision(), d.createdAt(), d.savedAt(), d.content());
    }
}
