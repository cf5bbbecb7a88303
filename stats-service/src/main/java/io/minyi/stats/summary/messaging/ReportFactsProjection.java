package io.minyi.stats.summary.messaging;

import io.minyi.contracts.ReportEvent;
import io.minyi.stats.summary.store.ReportFacts;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

/** Every report event updates the report's facts; see {@link ReportFacts} for why that is idempotent. */
@Component
class ReportFactsProjection implements ReportEventHandler {

    private final ReportFacts facts;

    ReportFactsProjection(ReportFacts facts) {
        this.facts = facts;
    }

    @Override
    public void handle(ReportEvent event) {
        facts.record(event);
    }
}
