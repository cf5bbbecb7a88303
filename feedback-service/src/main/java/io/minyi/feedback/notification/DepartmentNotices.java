package io.minyi.feedback.notification;

import io.minyi.contracts.AssignmentDeadlineRecomputed;
import io.minyi.contracts.AssignmentDueSoon;
import io.minyi.contracts.AssignmentOverdue;
import io.minyi.contracts.ExtensionDecided;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReplyReturned;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportEvent;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.DepartmentAccounts;
import io.minyi.feedback.inbox.store.InboxQueries;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What departments are told (in the app, and by e-mail to the registry's address): a new assignment —
 * 主办 to the lead, 会办 to each co-handler — with its deadline; the deadline near; overdue (催办); the
 * office's return of the answer; the extension decided; the report reopened; a deadline the calendar
 * moved. Keyed by event and department, so a redelivered event tells nobody twice.
 */
@Component
class DepartmentNotices implements ReportEventHandler {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Notifications notifications;
    private final Deliveries deliveries;
    private final InboxQueries inbox;
    private final DepartmentAccounts accounts;

    DepartmentNotices(Notifications notifications, Deliveries deliveries, InboxQueries inbox,
                      DepartmentAccounts accounts) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.inbox = inbox;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportAssigned a) {
            tell(a, a.department(), "assigned", "新交办（主办）：《" + a.title() + "》",
                    "您单位为主办单位，请于 " + day(a.deadline()) + " 前办理答复。");
            for (String co : a.coHandlers()) {
                tell(a, co, "assigned", "新交办（会办）：《" + a.title() + "》",
                        "您单位为会办单位，请配合主办单位，于 " + day(a.deadline()) + " 前提交会办意见。");
            }
        } else if (event instanceof AssignmentDueSoon d) {
            tell(d, d.department(), "due-soon", "即将到期：" + title(d, d.department()),
                    "办理期限为 " + day(d.deadline()) + "（还有 " + d.workingDaysLeft() + " 个工作日），请按期答复。");
        } else if (event instanceof AssignmentOverdue o) {
            tell(o, o.department(), "overdue", "催办：" + title(o, o.department()) + " 已逾期",
                    "办理期限 " + day(o.deadline()) + " 已过，请尽快办理答复；确需延期的请提出延期申请。");
        } else if (event instanceof io.minyi.contracts.AssignmentEscalated x) {
            String what = title(x, x.department());
            String text = "办理期限 " + day(x.deadline()) + " 已过 " + x.workingDaysOverdue() + " 个工作日仍未答复，已列入督办。";
            tell(x, x.department(), "escalated", "督办：" + what, text + "请单位负责人督促办理。");
            String named = "督办：" + what + "（" + accounts.name(x.department()) + "）";
            for (String body : List.of(Notification.leaders(x.org().value()), Notification.office(x.org().value()))) {
                notifications.add(new Notification(x.eventId() + "|" + body, body, x.reportId(), "escalated", named, text,
                        x.occurredAt(), false), deliveries.channelNames(), x.org());
            }
        } else if (event instanceof io.minyi.contracts.AssignmentUrged u) {
            tell(u, u.department(), "urged", "催办：" + title(u, u.department()),
                    "政协办公室（" + u.actor().name() + "）催办：" + u.note() + "（办理期限 " + day(u.deadline()) + "）");
        } else if (event instanceof ReplyReturned r) {
            tell(r, r.department(), "reply-returned", "答复被退回：" + title(r, r.department()),
                    "政协办公室退回了答复，请补充办理。退回理由：" + r.reason());
        } else if (event instanceof ExtensionDecided e) {
            tell(e, e.department(), "extension-decided", (e.approved() ? "延期申请已同意：" : "延期申请未同意：")
                    + title(e, e.department()), "办理期限：" + day(e.deadline()) + (e.comment() == null ? "" : "。" + e.comment()));
        } else if (event instanceof ReopenDecided r && r.approved() && r.department() != null) {
            tell(r, r.department(), "reopened", "重新办理：" + title(r, r.department()),
                    "应作者申请重新办理，请于 " + day(r.deadline()) + " 前答复。" + (r.comment() == null ? "" : r.comment()));
        } else if (event instanceof AssignmentDeadlineRecomputed m) {
            tell(m, m.department(), "deadline-recomputed", "办理期限调整：" + title(m, m.department()),
                    "因 " + m.calendarYear() + " 年节假日安排调整，办理期限由 " + day(m.previous()) + " 调整为 " + day(m.deadline()) + "。");
        }
    }

    private String title(ReportEvent e, String department) {
        return inbox.find(e.reportId(), department).map(InboxItem::title).map(t -> "《" + t + "》").orElse("交办件");
    }

    private static String day(LocalDate d) {
        return d == null ? "（未定）" : DAY.format(d);
    }

    private void tell(ReportEvent e, String department, String kind, String title, String text) {
        String recipient = Notification.department(department);
        notifications.add(new Notification(e.eventId() + "|" + recipient, recipient, e.reportId(), kind, title, text,
                e.occurredAt(), false), deliveries.channelNames(), e.org());
    }
}
