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

    /** Stores the notice before anything is sent; {@code org}: the report's body (whose office sees its failures). */
    public void add(Notification n, List<String> channels, io.minyi.contracts.OrgPath org) {
        insert(n, channels, org == null ? List.of() : org.selfAndAncestors());
    }

    /** A message that exists only to be sent (the daily digest): stored read, so the app does not count it again. */
    void addDelivery(Notification n, List<String> channels) {
        insert(n, channels, List.of());
    }

    private void insert(Notification n, List<String> channels, List<String> orgAncestors) {
        try {
            mongo.insert(new Document("_id", n.id()).append("recipient", n.recipient()).append("reportId", n.reportId())
                    .append("orgAncestors", orgAncestors).append("kind", n.kind()).append("title", n.title())
                    .append("text", n.text()).append("at", Date.from(n.at())).append("read", n.read())
                    .append("pending", channels), COLLECTION);
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

    /** Notifications still to be sent on {@code channel}, oldest first (claimed or not). */
    List<Notification> pendingOn(String channel, int limit) {
        return mongo.find(Query.query(Criteria.where("pending").is(channel)).with(Sort.by("at")).limit(limit),
                Document.class, COLLECTION).stream().map(Notifications::toNotification).toList();
    }

    /**
     * Claims the oldest notification waiting on {@code channel} whose claim is free or has lapsed (and whose
     * retry time has come) for {@code by} until {@code until}: one atomic update, so of several instances
     * exactly one gets each notification. Empty when nothing waits.
     */
    java.util.Optional<Claimed> claim(String channel, String by, java.time.Instant now, java.time.Instant until) {
        String claim = "claims." + channel;
        Query free = Query.query(Criteria.where("pending").is(channel).orOperator(
                Criteria.where(claim).exists(false), Criteria.where(claim + ".until").lt(Date.from(now))))
                .with(Sort.by("at"));
        Document before = mongo.findAndModify(free, new Update().set(claim, new Document("by", by)
                        .append("until", Date.from(until))),
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(false), Document.class,
                COLLECTION);
        return java.util.Optional.ofNullable(before).map(d -> {
            Document claims = d.get("claims", Document.class);
            Document lapsed = claims == null ? null : claims.get(channel, Document.class);
            return new Claimed(toNotification(d), lapsed != null && lapsed.get("sending") != null);
        });
    }

    /**
     * A notification claimed for sending; {@code interrupted}: the instance that held it before had begun
     * sending it and never recorded the outcome (it crashed), so the message may have left already.
     */
    record Claimed(Notification notification, boolean interrupted) {
    }

    /** About to hand it to the channel: a crash from now on leaves the outcome unknown to the next claimer. */
    void sending(String id, String channel, String by, java.time.Instant at, boolean interrupted) {
        Update update = new Update().set("claims." + channel + ".sending", Date.from(at));
        if (interrupted) {
            update.inc("interrupted." + channel, 1);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("claims." + channel + ".by").is(by)), update,
                COLLECTION);
    }

    /** Sent on {@code channel} (or nothing to send there: {@code note}); only the instance holding the claim records it. */
    boolean delivered(String id, String channel, String by, java.time.Instant at, String note) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("claims." + channel + ".by").is(by)),
                new Update().pull("pending", channel).unset("claims." + channel).unset("errors." + channel)
                        .push("sent", new Document("channel", channel).append("at", Date.from(at)).append("note", note)),
                COLLECTION).getModifiedCount() == 1;
    }

    /**
     * A send that failed: tried again at {@code retryAt} (the claim is kept until then), or given up after the
     * last attempt — then it leaves the pending list with its reason, for the office to see.
     */
    void failed(String id, String channel, String by, String reason, int attempt, java.time.Instant retryAt,
                boolean giveUp, java.time.Instant at) {
        Update update = new Update().set("errors." + channel, new Document("reason", reason).append("attempts", attempt)
                .append("at", Date.from(at)));
        if (giveUp) {
            update.pull("pending", channel).unset("claims." + channel)
                    .push("failed", new Document("channel", channel).append("reason", reason).append("at", Date.from(at)));
        } else {
            update.set("claims." + channel, new Document("by", by).append("until", Date.from(retryAt)));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("claims." + channel + ".by").is(by)), update,
                COLLECTION);
    }

    /** Held back until {@code until} (quiet hours, a rate limit): the claim waits, no attempt is counted. */
    void defer(String id, String channel, String by, java.time.Instant until, String why) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("claims." + channel + ".by").is(by)),
                new Update().set("claims." + channel, new Document("by", by).append("until", Date.from(until)))
                        .set("deferred." + channel, new Document("until", Date.from(until)).append("why", why)), COLLECTION);
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
            Document claims = d.get("claims", Document.class);
            if (deferred != null) {
                for (String channel : deferred.keySet()) {
                    Document h = deferred.get(channel, Document.class);
                    Document claim = claims == null ? null : claims.get(channel, Document.class);
                    java.time.Instant until = h.getDate("until").toInstant();
                    // still held: pending, the claim is the hold's (not a later attempt's), and its time not come
                    if (pending.contains(channel) && until.isAfter(now) && claim != null && claim.get("sending") == null
                            && claim.getDate("until").toInstant().equals(until)) {
                        result.add(new Failure(d.getString("_id"), d.getString("reportId"), d.getString("recipient"),
                                d.getString("kind"), d.getString("title"), channel, h.getString("why"), 0, false,
                                d.getDate("at").toInstant(), until));
                    }
                }
            }
        }
        return result;
    }

    /** How many times sending on {@code channel} has failed so far. */
    int attempts(String id, String channel) {
        Document d = mongo.findById(id, Document.class, COLLECTION);
        Document errors = d == null ? null : d.get("errors", Document.class);
        Document e = errors == null ? null : errors.get(channel, Document.class);
        return e == null ? 0 : e.getInteger("attempts", 0);
    }

    private static Notification toNotification(Document d) {
        return new Notification(d.getString("_id"), d.getString("recipient"), d.getString("reportId"),
                d.getString("kind"), d.getString("title"), d.getString("text"), d.getDate("at").toInstant(),
                Boolean.TRUE.equals(d.getBoolean("read")));
    }
}
