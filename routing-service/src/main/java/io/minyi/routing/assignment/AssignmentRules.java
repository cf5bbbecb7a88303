package io.minyi.routing.assignment;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.assignment.domain.AssignmentRule;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The office's assignment rules in MongoDB, one document per body and topic. */
@Component
public class AssignmentRules {

    static final String COLLECTION = "assignment_rules";

    private final MongoTemplate mongo;

    AssignmentRules(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The rule for a report from {@code org} about {@code topic}: the nearest body's, the topic's before the catch-all. */
    public Optional<AssignmentRule> applying(OrgPath org, String topic) {
        Query query = Query.query(Criteria.where("org").in(org.selfAndAncestors()));
        return AssignmentRule.applying(mongo.find(query, Document.class, COLLECTION).stream()
                .map(AssignmentRules::toRule).toList(), org, topic);
    }

    /** The rules of a body and the bodies below it. */
    List<AssignmentRule> inSubtree(OrgPath org) {
        Query query = Query.query(Criteria.where("orgAncestors").is(org.value()));
        return mongo.find(query, Document.class, COLLECTION).stream().map(AssignmentRules::toRule).toList();
    }

    void save(AssignmentRule rule, String by, Instant at) {
        mongo.upsert(byKey(rule.org(), rule.topic()), new Update().set("org", rule.org().value())
                .set("orgAncestors", rule.org().selfAndAncestors()).set("topic", rule.topic())
                .set("department", rule.department()).set("coHandlers", rule.coHandlers())
                .set("updatedBy", by).set("updatedAt", Date.from(at)), COLLECTION);
    }

    boolean delete(OrgPath org, String topic) {
        return mongo.remove(byKey(org, topic), COLLECTION).getDeletedCount() == 1;
    }

    private static Query byKey(OrgPath org, String topic) {
        return Query.query(Criteria.where("_id").is(org.value() + "|" + topic));
    }

    private static AssignmentRule toRule(Document d) {
        return new AssignmentRule(OrgPath.of(d.getString("org")), d.getString("topic"), d.getString("department"),
                d.getList("coHandlers", String.class, List.of()));
    }
}
