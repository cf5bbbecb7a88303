package io.minyi.feedback.inbox.messaging;

import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxStore;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

/** Assignments fill departments' inboxes; closings show the outcome there. Both idempotent. */
@Component
class InboxProjection implements ReportEventHandler {

    private final InboxStore inbox;

    InboxProjection(InboxStore inbox) {
        this.inbox = inbox;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportAssigned assigned) {
            inbox.addIfAbsent(InboxItem.assigned(assigned));
        } else if (event instanceof ReportClosed closed) {
            inbox.closeAll(closed.reportId(), closed.outcome());
        }
    }
}
