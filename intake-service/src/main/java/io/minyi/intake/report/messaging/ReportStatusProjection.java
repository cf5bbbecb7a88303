package io.minyi.intake.report.messaging;

import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportStatus;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

/** Keeps each report's status current from the workflow's events, for the author and the listing. */
@Component
class ReportStatusProjection implements ReportEventHandler {

    private final ReportStore store;

    ReportStatusProjection(ReportStore store) {
        this.store = store;
    }

    @Override
    public void handle(ReportEvent event) {
        ReportStatus.after(event).ifPresent(status -> store.recordStatus(event.reportId(), status, event.occurredAt()));
    }
}
