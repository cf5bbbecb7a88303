package io.minyi.routing.workflow.domain;

import io.minyi.contracts.Actor;

import java.time.Instant;

/**
 * One version of a report's content: number 1 is the author's original; editors' revisions and the
 * author's resubmissions follow. Kept in order so that any two can be compared.
 */
public record Revision(int number, Instant at, Actor by, Kind kind, Content content, String note) {

    public enum Kind {
        ORIGINAL, EDIT, RESUBMISSION
    }
}
