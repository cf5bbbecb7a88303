package io.minyi.feedback.author;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportOutcomeDecided;
import io.minyi.contracts.ReportRejected;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportReturned;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.feedback.notification.Deliveries;
import io.minyi.feedback.notification.Notifications;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.support.messaging.ReportEventHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each report's authors and outcome, and tells every author and co-author what happened
 * (件件回复反馈): returned for revision, signed off, rejected, merged, adopted at a higher level (a body above
 * the report's own), the outcome, closed, a reopen decided.
 */
@Component
class AuthorEvents implements ReportEventHandler {

    private final Audiences audiences;
    private final Notifications notifications;
    private final Deliveries deliveries;

    AuthorEvents(Audiences audiences, Notifications notifications, Deliveries deliveries) {
        this.audiences = audiences;
        this.notifications = notifications;
        this.deliveries = deliveries;
    }

    @Override
    public void handle(ReportEvent event) {
        if (event instanceof ReportSubmitted s) {
            audiences.submitted(s.reportId(), s.org(), s.title(), s.actor().id(), s.coAuthors());
        } else if (event instanceof ReportMerged m) {
            audiences.credit(m.into(), m.org(), m.author() == null ? m.actor().id() : m.author().id(),
                    m.coAuthors() == null ? java.util.List.of() : m.coAuthors());
            tell(event, "merged", "您的信息已合并办理", "您反映的问题已与同类信息合并办理，办理结果将一并告知。");
        } else if (event instanceof ReportReturned r) {
            tell(event, "returned", "信息被退回修改", "退回理由：" + r.reason());
        } else if (event instanceof ReportSignedOff) {
            tell(event, "signed-off", "信息已签发", "您提交的信息已经签发采用。");
        } else if (event instanceof ReportRejected r) {
            tell(event, "rejected", "信息不予采用", "理由：" + r.reason());
        } else if (event instanceof ReportResponded r) {
            audiences.set(r.reportId(), r.org(), new Update().set("department", r.department())
                    .set("response", r.response()).set("letterNo", r.letterNo()));
        } else if (event instanceof ReportOutcomeDecided d) {
            audiences.set(d.reportId(), d.org(), new Update().set("outcome", wire(d.outcome()))
                    .set("adoptionLevel", d.adoptionLevel() == null ? null : d.adoptionLevel().wireName())
                    .set("evidence", d.evidence()));
            audiences.find(d.reportId()).filter(a -> d.outcome() == Outcome.ADOPTED && d.level() != null
                    && !d.level().equals(a.org())).ifPresent(a -> tell(a, event, "adopted-higher",
                    "信息获上级采用（" + (d.adoptionLevel() == null ? "上级政协" : d.adoptionLevel().label()) + "）",
                    "您的信息经报送上级，已被上级政协采用。" + (d.comment() == null ? "" : d.comment())));
        } else if (event instanceof ReportClosed c) {
            audiences.find(c.reportId()).ifPresent(a -> tell(a, event, "closed", "信息已办结：" + outcomeLabel(a,
                    c.outcome()), c.comment() == null ? "请在“我的信息”中查看答复并评价。" : c.comment() + " 请查看答复并评价。"));
        } else if (event instanceof ReopenDecided d) {
            audiences.set(d.reportId(), d.org(), new Update().set("reopenApproved", d.approved()));
            tell(event, "reopen-decided", d.approved() ? "重新办理申请已同意" : "重新办理申请未同意",
                    d.comment() == null ? "" : d.comment());
        }
        ReportStatus.after(event).ifPresent(status -> audiences.set(event.reportId(), event.org(),
                new Update().set("status", status.wireName())));
    }

    private static String outcomeLabel(Audience a, Outcome outcome) {
        String level = a.adoptionLevel();
        if (outcome == Outcome.ADOPTED) {
            return level == null ? "已采纳" : AdoptionLevel.fromWireName(level).label();
        }
        return "未采纳";
    }

    private void tell(ReportEvent event, String kind, String title, String text) {
        audiences.find(event.reportId()).ifPresent(a -> tell(a, event, kind, title, text));
    }

    private void tell(Audience a, ReportEvent event, String kind, String title, String text) {
        String subject = a.title() == null ? title : title + "《" + a.title() + "》";
        for (String recipient : a.recipients()) {
            notifications.add(new Notification(event.eventId() + "|" + recipient, recipient, event.reportId(), kind,
                    subject, text, event.occurredAt(), false), deliveries.channelNames(), event.org());
        }
    }

    private static String wire(Outcome outcome) {
        return outcome == Outcome.ADOPTED ? "adopted" : "not-adopted";
    }
}
