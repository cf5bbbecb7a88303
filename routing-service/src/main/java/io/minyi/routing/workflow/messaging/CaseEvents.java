package io.minyi.routing.workflow.messaging;

import io.minyi.contracts.AssignmentAccepted;
import io.minyi.contracts.AssignmentBounced;
import io.minyi.contracts.ExtensionRequested;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.messaging.ReportEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.Function;

/**
 * Submissions open a case; a department's answer, bounce or extension request moves its assignment
 * on; a merge credits the authors of the merged report on the report it was merged into. All
 * idempotent: a redelivered submission finds the case already there, a redelivered department event
 * finds the case moved on already, a credit is added to a set.
 */
@Component
class CaseEvents implements ReportEventHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseEvents.class);

    private final CaseStore cases;

    CaseEvents(CaseStore cases) {
        this.cases = cases;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportSubmitted submitted) {
            cases.createIfAbsent(ReportCase.received(submitted), ReportCase.originalRevision(submitted));
        } else if (event instanceof ReportResponded responded) {
            apply(responded, c -> c.responded(responded));
        } else if (event instanceof AssignmentAccepted accepted) {
            apply(accepted, c -> c.accepted(accepted));
        } else if (event instanceof AssignmentBounced bounced) {
            apply(bounced, c -> c.bounced(bounced));
        } else if (event instanceof ExtensionRequested requested) {
            apply(requested, c -> c.extensionRequested(requested));
        } else if (event instanceof ReportMerged merged) {
            if (!cases.credit(merged)) {
                log.warn("{} merged into unknown report {}: not credited", merged.reportId(), merged.into());
            }
        }
        // other events are our own, or for other services
    }

    /** Applies a department's event to the case; one that does not fit the case's state changes nothing. */
    private void apply(ReportEvent event, Function<ReportCase, Optional<ReportCase>> change) {
        while (true) {
            var next = cases.find(event.reportId()).flatMap(change);
            if (next.isEmpty() || cases.save(next.get())) {
                next.ifPresent(c -> log.info("{}: now {}", event.eventType(), c.status().wireName()));
                return;
            }
            // someone changed the case meanwhile: read it again and re-decide
        }
    }
}
