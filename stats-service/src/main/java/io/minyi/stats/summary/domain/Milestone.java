package io.minyi.stats.summary.domain;

import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportSubmitted;

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
    CLOSED("closed");

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

    public static Milestone of(ReportEvent event) {
        if (event instanceof ReportSubmitted) {
            return RECEIVED;
        } else if (event instanceof ReportSignedOff) {
            return SIGNED_OFF;
        } else if (event instanceof ReportAssigned) {
            return ASSIGNED;
        } else if (event instanceof ReportResponded) {
            return RESPONDED;
        } else if (event instanceof ReportClosed) {
            return CLOSED;
        }
        throw new IllegalArgumentException("not a counted event: " + event.eventType());
    }

    /** The outcome an event settles, if any. */
    public static Outcome outcome(ReportEvent event) {
        return event instanceof ReportClosed closed ? closed.outcome() : null;
    }
}
