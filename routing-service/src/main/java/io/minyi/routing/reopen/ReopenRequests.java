package io.minyi.routing.reopen;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReopenRequested;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Authors' requests to reopen closed reports (申请重新办理), one per report, kept until the office
 * decides. Fed by events; redelivery changes nothing.
 */
@Component
public class ReopenRequests {

    static final String COLLECTION = "reopen_requests";

    private final MongoTemplate mongo;

    ReopenRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A pending request: who asked, why, when. */
    public record Request(String reportId, OrgPath org, String byName, String reason, Instant at) {
    }

    public Optional<Request> pending(String reportId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(reportId).and("decided").is(false)),
                Document.class, COLLECTION)).map(ReopenRequests::toRequest);
    }

    /** The pending requests about reports of {@code org} and below, oldest first. */
    public List<Request> pendingIn(OrgPath org, int limit) {
        return mongo.find(Query.query(Criteria.where("orgAncestors").is(org.value()).and("decided").is(false))
                        .with(Sort.by("at")).limit(limit), Document.class, COLLECTION).stream()
                .map(ReopenRequests::toRequest).toList();
    }

    void requested(ReopenRequested e) {
        mongo.upsert(Query.query(Criteria.where("_id").is(e.reportId())), new Update()
                .setOnInsert("org", e.org().value()).setOnInsert("orgAncestors", e.org().selfAndAncestors())
                .setOnInsert("byName", e.actor().name()).setOnInsert("reason", e.reason())
                .setOnInsert("at", Date.from(e.occurredAt())).setOnInsert("decided", false), COLLECTION);
    }

    void decided(ReopenDecided e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.reportId())),
                new Update().set("decided", true).set("approved", e.approved()), COLLECTION);
    }

    private static Request toRequest(Document d) {
        return new Request(d.getString("_id"), OrgPath.of(d.getString("org")), d.getString("byName"),
                d.getString("reason"), d.getDate("at").toInstant());
    }
}
