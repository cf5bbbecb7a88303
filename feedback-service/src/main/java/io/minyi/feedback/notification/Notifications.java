package io.minyi.feedback.notification;

import io.minyi.feedback.notification.domain.Notification;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

/**
 * The notification centre's store: one document per message and recipient, with the channels still to
 * deliver it on. The id comes from the event and the recipient, so a redelivered event adds nothing.
 */
@Component
public class Notifications {

    static final String COLLECTION = "notifications";

    private final MongoTemplate mongo;

    Notifications(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void add(Notification n, List<String> channels) {
        try {
            mongo.insert(new Document("_id", n.id()).append("recipient", n.recipient()).append("reportId", n.reportId())
                    .append("kind", n.kind()).append("title", n.title()).append("text", n.text())
                    .append("at", Date.from(n.at())).append("read", false).append("pending", channels), COLLECTION);
        } catch (DuplicateKeyException redelivered) {
            // told already
        }
    }

    public record Page(List<Notification> items, long total, long unread) {
    }

    Page page(List<String> recipients, boolean unreadOnly, int page, int size) {
        Criteria mine = Criteria.where("recipient").in(recipients);
        Query query = Query.query(unreadOnly ? Criteria.where("recipient").in(recipients).and("read").is(false) : mine);
        long total = mongo.count(query, COLLECTION);
        List<Notification> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "at", "_id"))
                .skip((long) page * size).limit(size), Document.class, COLLECTION).stream()
                .map(Notifications::toNotification).toList();
        return new Page(items, total, unread(recipients));
    }

    long unread(List<String> recipients) {
        return mongo.count(Query.query(Criteria.where("recipient").in(recipients).and("read").is(false)), COLLECTION);
    }

    boolean markRead(String id, List<String> recipients) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("recipient").in(recipients)),
                new Update().set("read", true), COLLECTION).getMatchedCount() == 1;
    }

    void markAllRead(List<String> recipients) {
        mongo.updateMulti(Query.query(Criteria.where("recipient").in(recipients).and("read").is(false)),
                new Update().set("read", true), COLLECTION);
    }

    /** Notifications still to be sent on {@code channel}, oldest first. */
    List<Notification> pendingOn(String channel, int limit) {
        return mongo.find(Query.query(Criteria.where("pending").is(channel)).with(Sort.by("at")).limit(limit),
                Document.class, COLLECTION).stream().map(Notifications::toNotification).toList();
    }

    void delivered(String id, String channel) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().pull("pending", channel), COLLECTION);
    }

    private static Notification toNotification(Document d) {
        return new Notification(d.getString("_id"), d.getString("recipient"), d.getString("reportId"),
                d.getString("kind"), d.getString("title"), d.getString("text"), d.getDate("at").toInstant(),
                Boolean.TRUE.equals(d.getBoolean("read")));
    }
}
