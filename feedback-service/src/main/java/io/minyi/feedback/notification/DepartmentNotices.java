package io.minyi.feedback.notification;

import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportEvent;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;

/**
 * What departments are told (in the app, and by e-mail to the registry's address): a new assignment —
 * 主办 to the lead, 会办 to each co-handler — with its deadline. Keyed by event and department, so a
 * redelivered assignment tells nobody twice. (The rest of the rule table — deadline near, overdue, 催办,
 * answer returned, extension decided, reopened — follows in issue 18.)
 */
@Component
class DepartmentNotices implements ReportEventHandler {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Notifications notifications;
    private final Deliveries deliveries;

    DepartmentNotices(Notifications notifications, Deliveries deliveries) {
        this.notifications = notifications;
        this.deliveries = deliveries;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportAssigned a) {
            tell(a, a.department(), "新交办（主办）：《" + a.title() + "》", "您单位为主办单位");
            for (String co : a.coHandlers()) {
                tell(a, co, "新交办（会办）：《" + a.title() + "》", "您单位为会办单位，请配合主办单位");
            }
        }
    }

    private void tell(ReportAssigned a, String department, String title, String role) {
        String recipient = Notification.department(department);
        notifications.add(new Notification(a.eventId() + "|" + recipient, recipient, a.reportId(), "assigned", title,
                role + "，请于 " + DAY.format(a.deadline()) + " 前办理答复。", a.occurredAt(), false),
                deliveries.channelNames());
    }
}
