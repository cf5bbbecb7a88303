package io.minyi.intake.draft;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.intake.report.web.SubmitReportRequest;

import java.time.Instant;

/**
 * A report its author is still writing: seen by the author alone, saved as often as they like
 * ({@code revision} counts the saves), then submitted under the same id or discarded.
 */
public record Draft(String id, OrgPath org, Actor author, long revision, Instant createdAt, Instant savedAt,
                    State state, SubmitReportRequest content) {

    public enum State {
        OPEN, SUBMITTED, DISCARDED
    }
}
