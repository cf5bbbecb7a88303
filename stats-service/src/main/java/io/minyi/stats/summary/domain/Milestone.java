package io.minyi.stats.summary.domain;

import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The points of a report's life that are counted. A report that reached a milestone counts there
 * once, however often (and in whatever order) its events arrive; its current state is the furthest
 * milestone reached.
 */
public enum Milestone {
    RECEIVED("submitted"),
    SIGNED_OFF("signed-off"),
    ASSIGNED("assigned"),
    RESPONDED("responded"),
    CLOSED("closed"),
    /** Taken back by its author before the office started on it; no longer counted as received. */
    WITHDRAWN("withdrawn");

    private final String status;

    Milestone(String status) {
        this.status = status;
    }

    /** The status a report has while this is its furthest milestone. */
    public String status() {
        return status;
    }

    public String field() {
        return name().toLowerCase().replace("_", "");
    }

    /** The milestone an event marks; empty for events that are not counted (drafts, for one). */
    public static Optional<Milestone> of(ReportEvent event) {
        return ReportStatus.after(event).flatMap(status -> Arrays.stream(values())
                .filter(m -> m.status.equals(status.wireName())).findFirst());
    }

    /** The outcome an event settles, if any. */
    public static Outcome outcome(ReportEvent event) {
        return event instanceof ReportClosed closed ? closed.outcome() : null;
    }
}
