package io.minyi.feedback.author;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEvent;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The {@code audience} collection: one document per report, fed by events; ratings and reopen requests use its outbox. */
@Component
public class Audiences implements io.minyi.feedback.notification.ReportTitles {

    static final String COLLECTION = "audience";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    Audiences(MongoTemplate mongo, @Qualifier("audienceOutbox") OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public Optional<Audience> find(String reportId) {
        return Optional.ofNullable(mongo.findById(reportId, Document.class, COLLECTION)).map(Audiences::toAudience);
    }

    @Override
    public Optional<String> title(String reportId) {
        Query query = byId(reportId);
        query.fields().include("title");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(d -> d.getString("title"));
    }

    void submitted(String reportId, OrgPath org, String title, String authorId, List<String> coAuthors) {
        mongo.upsert(byId(reportId), new Update().setOnInsert("org", org.value()).set("title", title)
                .setOnInsert("authorId", authorId).addToSet("coAuthorNames").each(coAuthors.toArray()), COLLECTION);
    }

    void credit(String reportId, OrgPath org, String authorId, List<String> coAuthors) {
        mongo.upsert(byId(reportId), new Update().setOnInsert("org", org.value()).addToSet("creditedIds", authorId)
                .addToSet("coAuthorNames").each(coAuthors.toArray()), COLLECTION);
    }

    void set(String reportId, OrgPath org, Update update) {
        mongo.upsert(byId(reportId), update.setOnInsert("org", org.value()), COLLECTION);
    }

    /** Adds one author's rating, with its event, unless that author rated already. */
    boolean rate(String reportId, Audience.Rated rated, ReportEvent event) {
        boolean saved = mongo.updateFirst(Query.query(Criteria.where("_id").is(reportId).and("status").is("closed")
                        .and("ratings.byId").ne(rated.byId())),
                OutboxRelay.enqueue(new Update().push("ratings", new Document("byId", rated.byId())
                        .append("byName", rated.byName()).append("rating", rated.rating())
                        .append("comment", rated.comment()).append("at", Date.from(event.occurredAt()))),
                        PendingEvent.of(event)), COLLECTION).getModifiedCount() == 1;
        if (saved) {
            relay.wake(reportId);
        }
        return saved;
    }

    /** Records the one reopen request of a closed report, with its event. */
    boolean askReopen(String reportId, String reason, ReportEvent event) {
        boolean saved = mongo.updateFirst(Query.query(Criteria.where("_id").is(reportId).and("status").is("closed")
                        .and("reopenReason").exists(false)),
                OutboxRelay.enqueue(new Update().set("reopenReason", reason)
                        .set("reopenAskedBy", event.actor().name()), PendingEvent.of(event)), COLLECTION)
                .getModifiedCount() == 1;
        if (saved) {
            relay.wake(reportId);
        }
        return saved;
    }

    private static Query byId(String reportId) {
        return Query.query(Criteria.where("_id").is(reportId));
    }

    private static Audience toAudience(Document d) {
        List<Audience.Rated> ratings = d.getList("ratings", Document.class, List.of()).stream()
                .map(r -> new Audience.Rated(r.getString("byId"), r.getString("byName"), r.getString("rating"),
                        r.getString("comment"))).toList();
        return new Audience(d.getString("_id"), OrgPath.of(d.getString("org")), d.getString("title"),
                d.getString("authorId"), d.getList("creditedIds", String.class, List.of()),
                d.getList("coAuthorNames", String.class, List.of()), d.getString("status"), d.getString("department"),
                d.getString("response"), d.getString("letterNo"), d.getString("outcome"), d.getString("adoptionLevel"),
                d.getString("evidence"), ratings, d.getString("reopenReason"), d.getBoolean("reopenApproved"));
    }
}
