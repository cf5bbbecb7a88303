package io.minyi.routing.workflow.messaging;

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

/**
 * Submissions open a case; department answers move it to responded; a merge credits the authors of
 * the merged report on the report it was merged into. All idempotent: a redelivered submission finds
 * the case already there, a redelivered answer finds it responded, a credit is added to a set.
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
            recordResponse(responded);
        } else if (event instanceof ReportMerged merged) {
            cases.credit(merged.into(), merged.reportId(), merged.author(), merged.coAuthors());
        }
        // other events are our own, or for other services
    }

    private void recordResponse(ReportResponded responded) {
        while (true) {
            var next = cases.find(responded.reportId()).flatMap(c -> c.responded(responded));
            if (next.isEmpty() || cases.save(next.get())) {
                next.ifPresent(c -> log.info("Department {} responded", responded.department()));
                return;
            }
            // someone changed the case meanwhile: read it again and re-decide
        }
    }
}
