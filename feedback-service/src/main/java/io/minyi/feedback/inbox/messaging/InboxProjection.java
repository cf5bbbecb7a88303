package io.minyi.feedback.inbox.messaging;

import io.minyi.contracts.AssignmentPartSubmitted;
import io.minyi.contracts.AssignmentDueSoon;
import io.minyi.contracts.AssignmentOverdue;
import io.minyi.contracts.AssignmentUrged;
import io.minyi.feedback.inbox.store.InboxEntry;
import io.minyi.contracts.ExtensionDecided;
import io.minyi.contracts.AssignmentDeadlineRecomputed;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReplyReturned;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxStore;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

/**
 * Assignments fill departments' inboxes (a re-assignment takes the item away from the earlier
 * department); extension decisions move deadlines; co-handlers' parts land on the lead's item; the
 * office's return of an answer and its reopening put the item back to work; closings show the outcome.
 * All idempotent.
 */
@Component
class InboxProjection implements ReportEventHandler {

    private final InboxStore inbox;

    InboxProjection(InboxStore inbox) {
        this.inbox = inbox;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportAssigned assigned) {
            var items = InboxItem.assigned(assigned);
            items.forEach(item -> inbox.assign(item, assigned.topic(), assigned.urgency()));
            inbox.reassignedAway(assigned.reportId(), items.stream().map(InboxItem::department).toList(),
                    assigned.occurredAt());
        } else if (event instanceof ReplyReturned returned) {
            inbox.replyReturned(returned.reportId(), returned.department(), returned.reason(), returned.occurredAt());
        } else if (event instanceof ExtensionDecided decided) {
            inbox.extensionDecided(decided.reportId(), decided.department(), decided.deadline(), decided.occurredAt());
        } else if (event instanceof AssignmentDeadlineRecomputed moved) {
            inbox.deadlineRecomputed(moved.reportId(), moved.department(), moved.deadline(), moved.occurredAt());
        } else if (event instanceof AssignmentDueSoon d) {
            inbox.remind(d.reportId(), d.department(), d.eventId().toString(), new InboxEntry.Reminder("due-soon", null,
                    null, d.deadline(), d.occurredAt()));
        } else if (event instanceof AssignmentOverdue o) {
            inbox.remind(o.reportId(), o.department(), o.eventId().toString(), new InboxEntry.Reminder("overdue", null,
                    null, o.deadline(), o.occurredAt()));
        } else if (event instanceof io.minyi.contracts.AssignmentEscalated x) {
            inbox.remind(x.reportId(), x.department(), x.eventId().toString(), new InboxEntry.Reminder("escalated",
                    x.workingDaysOverdue() + " 个工作日", null, x.deadline(), x.occurredAt()));
        } else if (event instanceof AssignmentUrged u) {
            inbox.remind(u.reportId(), u.department(), u.eventId().toString(), new InboxEntry.Reminder("urged", u.note(),
                    u.actor().name(), u.deadline(), u.occurredAt()));
        } else if (event instanceof AssignmentPartSubmitted part) {
            inbox.partSubmitted(part);
        } else if (event instanceof ReopenDecided reopen && reopen.approved()) {
            inbox.reopened(reopen);
        } else if (event instanceof ReportClosed closed) {
            inbox.closeAll(closed.reportId(), closed.outcome(), closed.occurredAt());
        }
    }
}
