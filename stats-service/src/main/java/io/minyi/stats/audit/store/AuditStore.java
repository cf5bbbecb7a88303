package io.minyi.stats.audit.store;

import io.minyi.contracts.audit.AuditCodec;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.stats.audit.domain.AuditChain;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The audit log, append-only: an entry is added once (its event id is its key, so a redelivery adds
 * nothing), chained to the one before it, and never updated or removed by minyi — there is no code path
 * that does. Sequence numbers are unique, so two writers can never fork the chain; the head document
 * (last sequence number and hash) only saves walking the chain and reveals entries cut off at its end.
 */
@Component
public class AuditStore {

    public static final String COLLECTION = "audit_log";
    static final String HEAD = "audit_chain";

    private final MongoTemplate mongo;

    public AuditStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Appends the entry unless it is there already; returns whether it was added. The entry is written
     * first, at the next free sequence number (unique), then the head moves on: a crash in between leaves the
     * head behind, never an entry missing, and the next append steps over it.
     */
    public boolean append(AuditEvent event) {
        String id = event.eventId().toString();
        if (mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)) {
            return false;
        }
        String canonical = new String(AuditCodec.toJson(event), StandardCharsets.UTF_8);
        Document head = Optional.ofNullable(mongo.findById("head", Document.class, HEAD))
                .orElse(new Document("seq", 0L).append("hash", AuditChain.GENESIS));
        long last = ((Number) head.get("seq")).longValue();
        String previous = head.getString("hash");
        while (true) {
            Document next = mongo.findOne(Query.query(Criteria.where("seq").is(last + 1)), Document.class, COLLECTION);
            if (next != null) { // the head lags behind (a crash, or another writer): walk on
                last++;
                previous = next.getString("hash");
                continue;
            }
            String hash = AuditChain.link(previous, last + 1, canonical);
            try {
                mongo.insert(entry(event, canonical, last + 1, hash), COLLECTION);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                if (mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION)) {
                    return false;
                }
                continue; // another writer took this sequence number
            }
            try {
                mongo.upsert(Query.query(Criteria.where("_id").is("head").and("seq").lt(last + 1)),
                        new Update().set("seq", last + 1).set("hash", hash), HEAD);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // another writer's head is further on already
            }
            return true;
        }
    }

    /** The unique sequence number keeps the chain from forking. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    public void indexes() {
        mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index("seq",
                org.springframework.data.domain.Sort.Direction.ASC).unique().named("seq"));
    }

    private static Document entry(AuditEvent e, String canonical, long seq, String hash) {
        return new Document("_id", e.eventId().toString()).append("seq", seq).append("hash", hash)
                .append("entry", canonical)
                .append("occurredAt", Date.from(e.occurredAt())).append("action", e.action())
                .append("actorId", e.actorId()).append("org", e.org()).append("outcome", e.outcome())
                .append("subject", e.subject());
    }

    /** A page of entries matching the filters, newest first, and how many match. */
    public Page page(Instant from, Instant to, String action, String actor, String outcome, int page, int size) {
        Criteria c = Criteria.where("occurredAt").gte(Date.from(from)).lt(Date.from(to));
        if (action != null) {
            c = c.and("action").is(action);
        }
        if (actor != null) {
            c = c.and("actorId").is(actor);
        }
        if (outcome != null) {
            c = c.and("outcome").is(outcome);
        }
        Query query = Query.query(c);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "seq")).skip((long) page * size).limit(size);
        List<Entry> entries = mongo.find(query, Document.class, COLLECTION).stream().map(AuditStore::toEntry).toList();
        return new Page(entries, total);
    }

    public record Entry(long seq, String hash, AuditEvent event) {
    }

    public record Page(List<Entry> entries, long total) {
    }

    /**
     * Recomputes the chain from the first entry: intact, or where it first breaks. The head is read first:
     * every entry it counts was written before it, so an append running meanwhile is never taken for a gap.
     */
    public Verification verify() {
        Document head = mongo.findById("head", Document.class, HEAD);
        long headSeq = head == null ? 0 : ((Number) head.get("seq")).longValue();
        Query all = new Query().with(Sort.by("seq"));
        all.fields().include("seq", "hash", "entry");
        String previous = AuditChain.GENESIS;
        long expected = 1;
        try (var entries = mongo.stream(all, Document.class, COLLECTION)) {
            for (Document d : (Iterable<Document>) entries::iterator) {
                long seq = ((Number) d.get("seq")).longValue();
                if (seq != expected || !AuditChain.link(previous, seq, d.getString("entry")).equals(d.getString("hash"))) {
                    return new Verification(expected - 1, false, expected);
                }
                previous = d.getString("hash");
                expected++;
            }
        }
        boolean complete = headSeq <= expected - 1; // entries cut off at the end would leave the head beyond them
        return new Verification(expected - 1, complete, complete ? null : expected);
    }

    /** @param firstBroken the sequence number where an entry is missing or altered; null when intact */
    public record Verification(long entries, boolean intact, Long firstBroken) {
    }

    private static Entry toEntry(Document d) {
        return new Entry(((Number) d.get("seq")).longValue(), d.getString("hash"),
                AuditCodec.fromJson(d.getString("entry").getBytes(StandardCharsets.UTF_8)));
    }
}
