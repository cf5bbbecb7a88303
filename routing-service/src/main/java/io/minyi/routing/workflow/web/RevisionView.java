package io.minyi.routing.workflow.web;

import io.minyi.routing.workflow.domain.Revision;

import java.time.Instant;

/** One version of the content: 1 is the author's original. */
public record RevisionView(int number, Instant at, String byName, String byRole, String kind, String title,
                           String body, String topic, String sector, String urgency, String note) {

    static RevisionView of(Revision r) {
        return new RevisionView(r.number(), r.at(), r.by().name(), r.by().role(), r.kind().name().toLowerCase(),
                r.content().title(), r.content().body(), r.content().topic(), r.content().sector(),
                r.content().urgency(), r.note());
    }
}
