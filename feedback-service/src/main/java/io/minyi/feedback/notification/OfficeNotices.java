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
 * answer, a bounce, an extension request, an author's reopen request; and its leaders: a report forwarded
 * to them for reading and instructions, a bulletin issue published (once per issue). Keyed by event (an
 * issue by its number), so a redelivered event tells nobody twice.
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
        } else if (event instanceof io.minyi.contracts.ReportForwarded f && !f.up()) {
            String leaders = Notification.leaders(f.to().value());
            notifications.add(new Notification(f.eventId() + "|" + leaders, leaders, f.reportId(), "forwarded",
                    "报请阅示：" + title(f), "政协办公室报送了一篇社情民意信息，请阅示（可作批示）。", f.occurredAt(), false),
                    java.util.List.of(), f.to());
        } else if (event instanceof io.minyi.contracts.ReportInBulletin b) {
            String leaders = Notification.leaders(b.bulletinOrg().value());
            String issue = b.year() + " 年第 " + b.number() + " 期";
            notifications.add(new Notification("bulletin|" + b.bulletinOrg().value() + "|" + b.year() + "|" + b.number()
                    + "|" + leaders, leaders, null, "bulletin-published", "《社情民意信息专报》" + issue + "已印发",
                    (b.bulletinTitle() == null ? "" : b.bulletinTitle() + "。") + "请阅示。", b.occurredAt(), false),
                    java.util.List.of(), b.bulletinOrg());
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
