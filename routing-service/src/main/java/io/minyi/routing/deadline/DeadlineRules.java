package io.minyi.routing.deadline;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.deadline.domain.DeadlineRule;
import io.minyi.routing.rules.domain.BodyRule;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The bodies' deadline rules in MongoDB (one document per body and topic) and the one that applies to
 * a report: the nearest body's, else the platform default (settings {@code minyi.deadlines.*-days}:
 * 特急 3, 紧急 7, 一般 15 working days).
 */
@Component
public class DeadlineRules {

    static final String COLLECTION = "deadline_rules";

    private final MongoTemplate mongo;
    private final Days platformDefault;

    DeadlineRules(MongoTemplate mongo, @Value("${minyi.deadlines.very-urgent-days:3}") int veryUrgent,
                  @Value("${minyi.deadlines.urgent-days:7}") int urgent,
                  @Value("${minyi.deadlines.normal-days:15}") int normal) {
        this.mongo = mongo;
        this.platformDefault = new Days(null, BodyRule.ANY_TOPIC, veryUrgent, urgent, normal);
    }

    /**
     * The deadline a report of {@code org} about {@code topic} gets: from the rule of {@code source}
     * (null: the platform default), for {@code topic} or any ({@code *}).
     */
    public record Days(OrgPath source, String topic, int veryUrgentDays, int urgentDays, int normalDays) {
        public int of(String urgency) {
            return DeadlineRule.pick(urgency, veryUrgentDays, urgentDays, normalDays);
        }
    }

    public Days applying(OrgPath org, String topic) {
        Query query = Query.query(Criteria.where("org").in(org.selfAndAncestors()));
        return BodyRule.nearest(mongo.find(query, Document.class, COLLECTION).stream().map(DeadlineRules::toRule)
                .toList(), org, topic).map(r -> new Days(r.org(), r.topic(), r.veryUrgentDays(), r.urgentDays(),
                r.normalDays())).orElse(platformDefault);
    }

    public Days platformDefault() {
        return platformDefault;
    }

    /** The rules of a body and the bodies below it, with who changed each last. */
    List<Stored> inSubtree(OrgPath org) {
        Query query = Query.query(Criteria.where("orgAncestors").is(org.value()));
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> new Stored(toRule(d), d.getString("updatedBy"), d.getDate("updatedAt").toInstant()))
                .toList();
    }

    public record Stored(DeadlineRule rule, String updatedBy, Instant updatedAt) {
    }

    void save(DeadlineRule rule, String by, Instant at) {
        mongo.upsert(byKey(rule.org(), rule.topic()), new Update().set("org", rule.org().value())
                .set("orgAncestors", rule.org().selfAndAncestors()).set("topic", rule.topic())
                .set("veryUrgentDays", rule.veryUrgentDays()).set("urgentDays", rule.urgentDays())
                .set("normalDays", rule.normalDays()).set("updatedBy", by).set("updatedAt", Date.from(at)), COLLECTION);
    }

    boolean delete(OrgPath org, String topic) {
        return mongo.remove(byKey(org, topic), COLLECTION).getDeletedCount() == 1;
    }

    private static Query byKey(OrgPath org, String topic) {
        return Query.query(Criteria.where("_id").is(org.value() + "|" + topic));
    }

    private static DeadlineRule toRule(Document d) {
        return new DeadlineRule(OrgPath.of(d.getString("org")), d.getString("topic"), d.getInteger("veryUrgentDays"),
                d.getInteger("urgentDays"), d.getInteger("normalDays"));
    }
}
