package io.minyi.routing.bulletin;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.bulletin.domain.Bulletin;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Bulletin issues, one document each with their pending events, and the issue counters per body and year. */
@Component
class BulletinStore {

    static final String COLLECTION = "bulletins";
    static final String COUNTERS = "bulletin_counters";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    BulletinStore(MongoTemplate mongo, @Qualifier("bulletinOutbox") OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** The next issue number of a body's year: atomic, so two editors never get the same one. */
    int nextNumber(OrgPath org, int year) {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(org.value() + "|" + year)),
                new Update().inc("seq", 1), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COUNTERS);
        return ((Number) counter.get("seq")).intValue();
    }

    void insert(Bulletin b) {
        mongo.insert(toDocument(b).append("_id", b.id()).append("version", b.version()), COLLECTION);
    }

    /** Writes {@code next} if the stored issue is still at the previous version, with its events; false otherwise. */
    boolean save(Bulletin next, List<PendingEvent> events) {
        Update update = new Update();
        toDocument(next).forEach(update::set);
        update.set("version", next.version());
        events.forEach(e -> OutboxRelay.enqueue(update, e));
        boolean saved = mongo.updateFirst(Query.query(Criteria.where("_id").is(next.id())
                .and("version").is(next.version() - 1)), update, COLLECTION).getModifiedCount() == 1;
        if (saved && !events.isEmpty()) {
            relay.wake(next.id());
        }
        return saved;
    }

    Optional<Bulletin> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(BulletinStore::toBulletin);
    }

    /** The issues of a body and the bodies below it in a year, newest first. */
    List<Bulletin> list(OrgPath org, int year) {
        Query query = Query.query(Criteria.where("orgAncestors").is(org.value()).and("year").is(year))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"));
        query.fields().exclude("outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(BulletinStore::toBulletin).toList();
    }

    /** The other issue of the same body a report is in already, if any. */
    Optional<String> issueContaining(OrgPath org, String reportId, String exceptId) {
        Query query = Query.query(Criteria.where("org").is(org.value()).and("items.reportId").is(reportId)
                .and("_id").ne(exceptId));
        query.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(d -> d.getString("_id"));
    }

    private static Document toDocument(Bulletin b) {
        return new Document("org", b.org().value()).append("orgAncestors", b.org().selfAndAncestors())
                .append("office", b.office()).append("year", b.year()).append("number", b.number())
                .append("status", b.status().name())
                .append("items", b.items().stream().map(i -> new Document("reportId", i.reportId())
                        .append("reportOrg", i.reportOrg().value()).append("title", i.title())
                        .append("body", i.body()).append("authorName", i.authorName())).toList())
                .append("sendTo", b.distribution().sendTo()).append("copyTo", b.distribution().copyTo())
                .append("signer", b.signer())
                .append("createdAt", Date.from(b.createdAt()))
                .append("publishedAt", b.publishedAt() == null ? null : Date.from(b.publishedAt()));
    }

    private static Bulletin toBulletin(Document d) {
        return new Bulletin(d.getString("_id"), OrgPath.of(d.getString("org")), d.getString("office"),
                d.getInteger("year"), d.getInteger("number"), Bulletin.Status.valueOf(d.getString("status")),
                d.getList("items", Document.class, List.of()).stream().map(i -> new Bulletin.Item(
                        i.getString("reportId"), OrgPath.of(i.getString("reportOrg")), i.getString("title"),
                        i.getString("body"), i.getString("authorName"))).toList(),
                d.containsKey("sendTo") ? new Bulletin.Distribution(d.getString("sendTo"), d.getString("copyTo")) : null,
                d.getString("signer"), d.getDate("createdAt").toInstant(),
                d.getDate("publishedAt") == null ? null : d.getDate("publishedAt").toInstant(),
                ((Number) d.get("version")).longValue());
    }
}
