package io.minyi.feedback.notification;

import io.minyi.contracts.ChinaTime;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.mail.MailChannel;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

/**
 * 每日摘要: a person who chose the digest gets one e-mail each morning (08:00 China time) listing the notices
 * of the past day instead of a mail per notice. The e-mail channel holds each notice here; the morning run
 * gathers a person's held notices under the day's digest id and stores the digest as a notice of its own,
 * which the deliveries send like any other (claimed, retried, never twice). Run again, or on two instances,
 * it finds the notices gathered and the digest stored, and adds nothing.
 */
@Component
public class DailyDigest implements MailChannel.Digest {

    static final String COLLECTION = "notify_digest";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(DailyOverdueSummary.CHINA);

    private final MongoTemplate mongo;
    private final Notifications notifications;
    private final Preferences preferences;
    private final Clock clock;

    DailyDigest(MongoTemplate mongo, Notifications notifications, Preferences preferences, Clock clock) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.preferences = preferences;
        this.clock = clock;
    }

    @Override
    public boolean wanted(String person) {
        return preferences.digest(person);
    }

    @Override
    public void hold(String person, Notification n) {
        try {
            mongo.insert(new Document("_id", n.id() + "|" + person).append("person", person).append("kind", n.kind())
                    .append("title", n.title()).append("text", n.text()).append("reportId", n.reportId())
                    .append("at", Date.from(n.at())), COLLECTION);
        } catch (DuplicateKeyException held) {
            // a resend after a crash: held already
        }
    }

    @Scheduled(cron = "${minyi.notify.digest-cron:0 0 8 * * *}", zone = ChinaTime.ZONE_ID)
    @SchedulerLock(name = "daily-digest", lockAtLeastFor = "PT5M", lockAtMostFor = "PT10M")
    void morning() {
        send(LocalDate.now(clock.withZone(DailyOverdueSummary.CHINA)));
    }

    /** Gathers every held notice into the digest of {@code day}; how many digests it stored. */
    public int send(LocalDate day) {
        Date cutoff = Date.from(clock.instant());
        int stored = 0;
        for (String person : mongo.findDistinct(Query.query(Criteria.where("digest").exists(false)), "person",
                COLLECTION, String.class)) {
            String id = "digest|" + day + "|" + person;
            mongo.updateMulti(Query.query(Criteria.where("person").is(person).and("digest").exists(false)
                    .and("at").lte(cutoff)), new Update().set("digest", id), COLLECTION);
            List<Document> held = mongo.find(Query.query(Criteria.where("digest").is(id)).with(Sort.by("at")),
                    Document.class, COLLECTION);
            if (held.isEmpty()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (Document d : held) {
                text.append("· ").append(TIME.format(d.getDate("at").toInstant())).append("  ").append(d.getString("title"))
                        .append("：").append(d.getString("text")).append('\n');
            }
            notifications.addDelivery(new Notification(id, person, null, "digest",
                    "每日消息摘要（" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日，共 " + held.size() + " 条）",
                    text.toString().strip(), clock.instant(), true), List.of("email"));
            stored++;
        }
        return stored;
    }
}
