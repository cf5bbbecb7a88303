package io.minyi.feedback.notification;

import io.minyi.contracts.AssignmentBounced;
import io.minyi.contracts.ExtensionRequested;
import io.minyi.contracts.ReopenRequested;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxQueries;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

/**
 * What the office (the editors of the report's body) is told in the app: a new report, a department's
 * answer, a bounce, an extension request, an author's reopen request. Keyed by event, so a redelivered
 * event tells nobody twice.
 */
@Component
class OfficeNotices implements ReportEventHandler {

    private final Notifications notifications;
    private final InboxQueries inbox;

    OfficeNotices(Notifications notifications, InboxQueries inbox) {
        this.notifications = notifications;
        this.inbox = inbox;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportSubmitted s) {
            tell(s, "submitted", "新报送：《" + s.title() + "》", s.actor().name() + " 报送了社情民意信息，请及时采编。");
        } else if (event instanceof ReportResponded r) {
            tell(r, "responded", "承办单位已答复：" + title(r), "请审核答复并认定办理结果。");
        } else if (event instanceof AssignmentBounced b) {
            tell(b, "bounced", "承办单位退回/申请改派：" + title(b), "理由：" + b.reason());
        } else if (event instanceof ExtensionRequested x) {
            tell(x, "extension-requested", "延期申请：" + title(x), "申请延期至 "
                    + DepartmentNotices.DAY.format(x.deadline()) + "。理由：" + x.reason());
        } else if (event instanceof ReopenRequested o) {
            tell(o, "reopen-requested", "作者申请重新办理：" + title(o), "理由：" + o.reason());
        }
    }

    private String title(ReportEvent e) {
        return inbox.ofReport(e.reportId()).stream().findFirst().map(en -> en.item().title()).map(t -> "《" + t + "》")
                .orElse("社情民意信息");
    }

    private void tell(ReportEvent e, String kind, String title, String text) {
        String recipient = Notification.office(e.org().value());
        notifications.add(new Notification(e.eventId() + "|" + recipient, recipient, e.reportId(), kind, title, text,
                e.occurredAt(), false), java.util.List.of(), e.org());
    }
}
