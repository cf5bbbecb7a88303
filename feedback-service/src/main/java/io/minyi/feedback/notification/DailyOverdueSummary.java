package io.minyi.feedback.notification;

import io.minyi.contracts.ChinaTime;
import io.minyi.contracts.OrgPath;
import io.minyi.feedback.notification.domain.Notification;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 逾期日报: every working morning at 09:00 China time the office of each body hears how many of its
 * reports' assignments are past their deadline without an answer. Run once a day across instances: the
 * first to record the day in {@code notify_jobs} sends it, the others find it done.
 */
@Component
public class DailyOverdueSummary {

    static final ZoneId CHINA = ChinaTime.ZONE;

    private final MongoTemplate mongo;
    private final Notifications notifications;
    private final Clock clock;
    private final Deliveries deliveries;

    DailyOverdueSummary(MongoTemplate mongo, Notifications notifications, Clock clock, Deliveries deliveries) {
        this.deliveries = deliveries;
        this.mongo = mongo;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(cron = "${minyi.notify.daily-overdue-cron:0 0 9 * * MON-FRI}", zone = ChinaTime.ZONE_ID)
    @SchedulerLock(name = "daily-overdue-summary", lockAtLeastFor = "PT5M", lockAtMostFor = "PT10M")
    void morning() {
        send(LocalDate.now(clock.withZone(CHINA)));
    }

    /** The summary of {@code day}; how many offices were told (0 when another instance did it). */
    public int send(LocalDate day) {
        try {
            mongo.insert(new Document("_id", "daily-overdue|" + day).append("at", Date.from(clock.instant())), "notify_jobs");
        } catch (DuplicateKeyException done) {
            return 0;
        }
        Query overdue = Query.query(Criteria.where("role").is("lead").and("state").in("assigned", "handling")
                .and("deadline").lt(day.toString()));
        overdue.fields().include("org");
        Map<String, Integer> byBody = new TreeMap<>();
        for (Document d : mongo.find(overdue, Document.class, "inbox")) {
            byBody.merge(d.getString("org"), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : byBody.entrySet()) {
            String office = Notification.office(e.getKey());
            notifications.add(new Notification("daily-overdue|" + day + "|" + office, office, null, "daily-overdue",
                    "逾期未答复日报：" + e.getValue() + " 件", "截至 " + day + "，本级交办件中有 " + e.getValue()
                    + " 件已过办理期限仍未答复，请在“逾期督办”中催办。", clock.instant(), false), deliveries.channelNames(),
                    OrgPath.of(e.getKey()));
        }
        return byBody.size();
    }
}
