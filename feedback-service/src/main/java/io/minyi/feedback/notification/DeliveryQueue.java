package io.minyi.feedback.notification;

import io.minyi.feedback.notification.domain.Notification;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * What is still to be sent: one small document per notification and channel ({@code notify_queue}),
 * removed once sent or given up, so that claiming the next one reads only what waits — not every notice ever
 * kept. The notification document ({@code notifications}) records the outcome: {@code sent}, {@code errors},
 * {@code failed}, {@code deferred}, {@code interrupted}, and its {@code pending} channels.
 */
@Component
public class DeliveryQueue {

    static final String COLLECTION = "notify_queue";

    private final MongoTemplate mongo;

    DeliveryQueue(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("channel", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
        mongo.indexOps(Notifications.COLLECTION).createIndex(new Index().on("recipient", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC));
    }

    /**
     * At start: every notice still pending on a channel without its queue entry (stored by a version that kept
     * no queue, or by a crash between the two inserts) is queued, so nothing stored is left unsent.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void requeue() {
        Query pending = Query.query(Criteria.where("pending.0").exists(true));
        pending.fields().include("pending").include("at");
        for (Document d : mongo.find(pending, Document.class, Notifications.COLLECTION)) {
            enqueue(new Notification(d.getString("_id"), null, null, null, null, null, d.getDate("at").toInstant(), false),
                    d.getList("pending", String.class, List.of()));
        }
    }

    /** Queues the notification on each channel; one already queued stays as it is (a redelivered event). */
    void enqueue(Notification n, List<String> channels) {
        for (String channel : channels) {
            try {
                mongo.insert(new Document("_id", n.id() + "|" + channel).append("notification", n.id())
                        .append("channel", channel).append("at", Date.from(n.at())), COLLECTION);
            } catch (DuplicateKeyException queued) {
                // queued already, or being sent
            }
        }
    }

    /**
     * A notification claimed for sending; {@code interrupted}: the instance that held it before let its claim
     * lapse without recording an outcome (it crashed, perhaps in the middle of sending), so it may have left.
     */
    record Claimed(Notification notification, boolean interrupted) {
    }

    /** The oldest entries waiting on {@code channel} whose claim is free or has lapsed: candidates to claim one by one. */
    List<Document> waiting(String channel, Instant now, int limit) {
        return mongo.find(Query.query(Criteria.where("channel").is(channel).orOperator(free(now))).with(Sort.by("at"))
                .limit(limit), Document.class, COLLECTION);
    }

    /**
     * Claims a waiting entry for {@code by} until {@code until} if it is still free or lapsed: one atomic update
     * by its id, so of several instances exactly one gets it (reading the candidates once per batch keeps a
     * claim at one keyed update however long the queue). Empty when another instance was first.
     */
    Optional<Claimed> claim(Document candidate, String by, Instant now, Instant until) {
        String id = candidate.getString("_id");
        boolean claimed = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).orOperator(free(now))),
                new Update().set("claim", new Document("by", by).append("until", Date.from(until))
                        .append("sending", Date.from(now))), COLLECTION).getModifiedCount() == 1;
        if (!claimed) {
            return Optional.empty();
        }
        Document lapsed = candidate.get("claim", Document.class);
        boolean interrupted = lapsed != null && lapsed.get("sending") != null;
        String channel = candidate.getString("channel");
        Document n = mongo.findById(candidate.getString("notification"), Document.class, Notifications.COLLECTION);
        if (n == null) { // cannot happen: the notice is stored before it is queued; drop the stray entry
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            return Optional.empty();
        }
        if (interrupted) {
            mongo.updateFirst(byId(n.getString("_id")), new Update().inc("interrupted." + channel, 1), Notifications.COLLECTION);
        }
        return Optional.of(new Claimed(Notifications.toNotification(n), interrupted));
    }

    /** Sent on {@code channel} (or nothing to send there: {@code note}); only the instance holding the claim records it. */
    boolean delivered(String id, String channel, String by, Instant at, String note) {
        if (mongo.remove(mine(id, channel, by), COLLECTION).getDeletedCount() != 1) {
            return false;
        }
        mongo.updateFirst(byId(id), new Update().pull("pending", channel).unset("errors." + channel)
                .push("sent", new Document("channel", channel).append("at", Date.from(at)).append("note", note)),
                Notifications.COLLECTION);
        return true;
    }

    /**
     * A send that failed: tried again at {@code retryAt} (the claim is kept until then), or given up after the
     * last attempt — then it leaves the queue with its reason, for the office to see.
     */
    void failed(String id, String channel, String by, String reason, int attempt, Instant retryAt, boolean giveUp,
                Instant at) {
        Update record = new Update().set("errors." + channel, new Document("reason", reason).append("attempts", attempt)
                .append("at", Date.from(at)));
        if (giveUp) {
            if (mongo.remove(mine(id, channel, by), COLLECTION).getDeletedCount() != 1) {
                return;
            }
            record.pull("pending", channel).push("failed", new Document("channel", channel).append("reason", reason)
                    .append("at", Date.from(at)));
        } else if (mongo.updateFirst(mine(id, channel, by), new Update().set("claim", new Document("by", by)
                .append("until", Date.from(retryAt))), COLLECTION).getModifiedCount() != 1) {
            return;
        }
        mongo.updateFirst(byId(id), record, Notifications.COLLECTION);
    }

    /** Held back until {@code until} (quiet hours, a rate limit): the claim waits, no attempt is counted. */
    void defer(String id, String channel, String by, Instant until, String why) {
        if (mongo.updateFirst(mine(id, channel, by), new Update().set("claim", new Document("by", by)
                .append("until", Date.from(until))), COLLECTION).getModifiedCount() == 1) {
            mongo.updateFirst(byId(id), new Update().set("deferred." + channel, new Document("until", Date.from(until))
                    .append("why", why)), Notifications.COLLECTION);
        }
    }

    /** How many times sending on {@code channel} has failed so far. */
    int attempts(String id, String channel) {
        Document d = mongo.findById(id, Document.class, Notifications.COLLECTION);
        Document errors = d == null ? null : d.get("errors", Document.class);
        Document e = errors == null ? null : errors.get(channel, Document.class);
        return e == null ? 0 : e.getInteger("attempts", 0);
    }

    /** Unclaimed, or its claim (a lease, a retry time, a hold) has run out. */
    private static Criteria[] free(Instant now) {
        return new Criteria[]{Criteria.where("claim").exists(false), Criteria.where("claim.until").lt(Date.from(now))};
    }

    private static Query mine(String id, String channel, String by) {
        return Query.query(Criteria.where("_id").is(id + "|" + channel).and("claim.by").is(by));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
