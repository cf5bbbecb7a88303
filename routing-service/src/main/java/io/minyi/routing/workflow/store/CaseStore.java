package io.minyi.routing.workflow.store;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.domain.Status;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One document per report case. A state change and its event are written by one version-guarded
 * update: either both happen or neither, and a stale version writes nothing.
 */
@Component
public class CaseStore {

    public static final String COLLECTION = "cases";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public CaseStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Creates the case unless it exists already (a redelivered submission changes nothing). */
    public void createIfAbsent(ReportCase c) {
        Update update = new Update();
        fields(c).forEach(update::setOnInsert);
        update.setOnInsert("orgAncestors", c.org().selfAndAncestors());
        mongo.upsert(Query.query(Criteria.where("_id").is(c.id())), update, COLLECTION);
    }

    public Optional<ReportCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(CaseStore::toCase);
    }

    /**
     * Writes {@code next} if the stored case still has {@code next.version() - 1}, with the event in
     * the outbox when there is one. False when someone else changed the case first.
     */
    public boolean save(ReportCase next, PendingEvent event) {
        Update update = new Update();
        fields(next).forEach((k, v) -> {
            if (!"_id".equals(k)) {
                update.set(k, v);
            }
        });
        if (event != null) {
            OutboxRelay.enqueue(update, event);
        }
        Query current = Query.query(Criteria.where("_id").is(next.id()).and("version").is(next.version() - 1));
        Document saved = mongo.findAndModify(current, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (saved != null && event != null) {
            relay.wake(next.id());
        }
        return saved != null;
    }

    /** Cases of a body and the bodies below it, newest first. */
    public List<ReportCase> inSubtree(OrgPath org, Status status, int limit) {
        Criteria criteria = Criteria.where("orgAncestors").is(org.value());
        if (status != null) {
            criteria = criteria.and("status").is(status.wireName());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(CaseStore::toCase).toList();
    }

    private static Document fields(ReportCase c) {
        return new Document("_id", c.id())
                .append("org", c.org().value())
                .append("authorId", c.authorId())
                .append("title", c.title())
                .append("body", c.body())
                .append("status", c.status().wireName())
                .append("version", c.version())
                .append("department", c.department())
                .append("deadline", c.deadline() == null ? null : c.deadline().toString())
                .append("response", c.response())
                .append("outcome", c.outcome() == null ? null : c.outcome().name());
    }

    private static ReportCase toCase(Document d) {
        String deadline = d.getString("deadline");
        String outcome = d.getString("outcome");
        return new ReportCase(d.getString("_id"), OrgPath.of(d.getString("org")), d.getString("authorId"),
                d.getString("title"),
                d.getString("body"), Status.fromWireName(d.getString("status")),
                ((Number) d.get("version")).longValue(), d.getString("department"),
                deadline == null ? null : LocalDate.parse(deadline), d.getString("response"),
                outcome == null ? null : Outcome.valueOf(outcome));
    }
}
