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
 * to them for reading and instructions, a report waiting for their sign-off (待签发, from the moment the office
 * takes it up), a bulletin issue published (once per issue). Office and leaders get them by e-mail too. Keyed by event (an
 * issue by its number), so a redelivered event tells nobody twice.
 */
@Component
class OfficeNotices implements ReportEventHandler {

    private final Notifications notifications;
    private final InboxQueries inbox;
    private final ReportTitles titles;
    private final Deliveries deliveries;

    OfficeNotices(Notifications notifications, InboxQueries inbox, ReportTitles titles, Deliveries deliveries) {
        this.notifications = notifications;
        this.inbox = inbox;
        this.titles = titles;
        this.deliveries = deliveries;
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
        } else if (event instanceof io.minyi.contracts.ReportEditingStarted) {
            tellLeaders(event, event.org(), "sign-off-waiting", "待签发：" + title(event),
                    "政协办公室已开始采编这篇社情民意信息，请在“待签发”中审签（当日签发、当日报送）。");
        } else if (event instanceof io.minyi.contracts.ReportForwarded f && !f.up()) {
            tellLeaders(f, f.to(), "forwarded", "报请阅示：" + title(f), "政协办公室报送了一篇社情民意信息，请阅示（可作批示）。");
        } else if (event instanceof io.minyi.contracts.ReportInBulletin b) {
            String leaders = Notification.leaders(b.bulletinOrg().value());
            String issue = b.year() + " 年第 " + b.number() + " 期";
            notifications.add(new Notification("bulletin|" + b.bulletinOrg().value() + "|" + b.year() + "|" + b.number()
                    + "|" + leaders, leaders, null, "bulletin-published", "《社情民意信息专报》" + issue + "已印发",
                    (b.bulletinTitle() == null ? "" : b.bulletinTitle() + "。") + "请阅示。", b.occurredAt(), false),
                    deliveries.channelNames(), b.bulletinOrg());
        }
    }

    private void tellLeaders(ReportEvent e, io.minyi.contracts.OrgPath body, String kind, String title, String text) {
        String leaders = Notification.leaders(body.value());
        notifications.add(new Notification(e.eventId() + "|" + leaders, leaders, e.reportId(), kind, title, text,
                e.occurredAt(), false), deliveries.channelNames(), body);
    }

    private String title(ReportEvent e) {
        return titles.title(e.reportId()).or(() -> inbox.ofReport(e.reportId()).stream().findFirst()
                .map(en -> en.item().title())).map(t -> "《" + t + "》").orElse("社情民意信息");
    }

    private void tell(ReportEvent e, String kind, String title, String text) {
        String recipient = Notification.office(e.org().value());
        notifications.add(new Notification(e.eventId() + "|" + recipient, recipient, e.reportId(), kind, title, text,
                e.occurredAt(), false), deliveries.channelNames(), e.org());
    }
}
