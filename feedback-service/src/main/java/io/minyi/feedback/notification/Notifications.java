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
    private final DeliveryQueue queue;

    Notifications(MongoTemplate mongo, DeliveryQueue queue) {
        this.mongo = mongo;
        this.queue = queue;
    }

    /** Stores the notice before anything is sent; {@code org}: the report's body (whose office sees its failures). */
    public void add(Notification n, List<String> channels, io.minyi.contracts.OrgPath org) {
        insert(n, channels, org == null ? List.of() : org.selfAndAncestors());
    }

    /** A message that exists only to be sent (the daily digest): stored read, so the app does not count it again. */
    void addDelivery(Notification n, List<String> channels) {
        insert(n, channels, List.of());
    }

    /**
     * The notice first, then its queue entries: a crash in between leaves the event uncommitted, and its
     * redelivery finds the notice stored and queues what it still waits for.
     */
    private void insert(Notification n, List<String> channels, List<String> orgAncestors) {
        List<String> waiting = channels;
        try {
            mongo.insert(new Document("_id", n.id()).append("recipient", n.recipient()).append("reportId", n.reportId())
                    .append("orgAncestors", orgAncestors).append("kind", n.kind()).append("title", n.title())
                    .append("text", n.text()).append("at", Date.from(n.at())).append("read", n.read())
                    .append("pending", channels), COLLECTION);
        } catch (DuplicateKeyException redelivered) {
            Query pendingOnly = Query.query(Criteria.where("_id").is(n.id()));
            pendingOnly.fields().include("pending");
            Document told = mongo.findOne(pendingOnly, Document.class, COLLECTION);
            waiting = told == null ? List.of() : told.getList("pending", String.class, List.of());
        }
        queue.enqueue(n, waiting);
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

    /**
     * A notice that could not be sent (given up), is being retried, or is held back ({@code heldUntil}: quiet
     * hours, a number's hourly allowance), for the office to see.
     */
    public record Failure(String id, String reportId, String recipient, String kind, String title, String channel,
                          String reason, int attempts, boolean givenUp, java.time.Instant at, java.time.Instant heldUntil) {
    }

    /** The failures of the reports of {@code org} and the bodies below it, newest first. */
    List<Failure> failures(io.minyi.contracts.OrgPath org, int limit, java.time.Instant now) {
        Query query = Query.query(Criteria.where("orgAncestors").is(org.value()).orOperator(
                Criteria.where("failed.0").exists(true), Criteria.where("errors").exists(true),
                Criteria.where("deferred").exists(true)))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        List<Failure> result = new java.util.ArrayList<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            for (Document f : d.getList("failed", Document.class, List.of())) {
                result.add(new Failure(d.getString("_id"), d.getString("reportId"), d.getString("recipient"),
                        d.getString("kind"), d.getString("title"), f.getString("channel"), f.getString("reason"),
                        Deliveries.ATTEMPTS, true, f.getDate("at").toInstant(), null));
            }
            Document errors = d.get("errors", Document.class);
            List<String> pending = d.getList("pending", String.class, List.of());
            if (errors != null) {
                for (String channel : errors.keySet()) {
                    Document e = errors.get(channel, Document.class);
                    if (pending.contains(channel)) {
                        result.add(new Failure(d.getString("_id"), d.getString("reportId"), d.getString("recipient"),
                                d.getString("kind"), d.getString("title"), channel, e.getString("reason"),
                                e.getInteger("attempts", 0), false, e.getDate("at").toInstant(), null));
                    }
                }
            }
            Document deferred = d.get("deferred", Document.class);
            if (deferred != null) {
                for (String channel : deferred.keySet()) {
                    Document h = deferred.get(channel, Document.class);
                    java.time.Instant until = h.getDate("until").toInstant();
                    // still held: not sent yet and its time not come
                    if (pending.contains(channel) && until.isAfter(now)) {
                        result.add(new Failure(d.getString("_id"), d.getString("reportId"), d.getString("recipient"),
                                d.getString("kind"), d.getString("title"), channel, h.getString("why"), 0, false,
                                d.getDate("at").toInstant(), until));
                    }
                }
            }
        }
        return result;
    }

    static Notification toNotification(Document d) {
        return new Notification(d.getString("_id"), d.getString("recipient"), d.getString("reportId"),
                d.getString("kind"), d.getString("title"), d.getString("text"), d.getDate("at").toInstant(),
                Boolean.TRUE.equals(d.getBoolean("read")));
    }
}
