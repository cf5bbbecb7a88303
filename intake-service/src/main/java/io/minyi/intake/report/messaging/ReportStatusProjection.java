package io.minyi.intake.report.messaging;

import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportStatus;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each report's status current from the workflow's events, for the author and the listing, and
 * which departments it is assigned to (they may see the constituent's name and phone).
 */
@Component
class ReportStatusProjection implements ReportEventHandler {

    private final ReportStore store;

    ReportStatusProjection(ReportStore store) {
        this.store = store;
    }

    @Override
    public void handle(ReportEvent event) {
        ReportStatus.after(event).ifPresent(status -> store.recordStatus(event.reportId(), status, event.occurredAt()));
        if (event instanceof ReportAssigned assigned) {
            List<String> departments = new ArrayList<>();
            departments.add(assigned.department());
            departments.addAll(assigned.coHandlers());
            store.recordDepartments(assigned.reportId(), departments, assigned.occurredAt());
        }
    }
}
