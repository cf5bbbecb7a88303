package io.minyi.stats.member.store;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.member.domain.ScoringRule;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/** Each body's scoring rule, one document per body (id = its path); read up the path by key. */
@Component
public class ScoringRules {

    public static final String COLLECTION = "scoring_rules";
    private final MongoTemplate mongo;

    public ScoringRules(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The rule that applies at {@code org}: its own, the nearest one above it, or the default. */
    public ScoringRule applying(OrgPath org) {
        List<String> path = org.selfAndAncestors();
        List<ScoringRule> found = mongo.find(Query.query(Criteria.where("_id").in(path)), Document.class, COLLECTION)
                .stream().map(ScoringRules::rule).toList();
        for (int i = path.size() - 1; i >= 0; i--) {
            String body = path.get(i);
            for (ScoringRule r : found) {
                if (body.equals(r.org())) {
                    return r;
                }
            }
        }
        return ScoringRule.DEFAULT.at(null);
    }

    public void save(ScoringRule rule) {
        Document d = new Document("_id", rule.org()).append("submitted", rule.submitted())
                .append("coAuthored", rule.coAuthored()).append("signedOff", rule.signedOff())
                .append("instructed", rule.instructed()).append("adoption", new Document(rule.adoption()))
                .append("coAuthorShare", rule.coAuthorShare());
        mongo.getCollection(COLLECTION).replaceOne(new Document("_id", rule.org()), d,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    public boolean delete(String org) {
        return mongo.remove(Query.query(Criteria.where("_id").is(org)), COLLECTION).getDeletedCount() > 0;
    }

    private static ScoringRule rule(Document d) {
        Document adoption = d.get("adoption", Document.class);
        java.util.Map<String, Double> points = new java.util.LinkedHashMap<>();
        if (adoption != null) {
            adoption.forEach((k, v) -> points.put(k, ((Number) v).doubleValue()));
        }
        return new ScoringRule(d.getString("_id"), num(d, "submitted"), num(d, "coAuthored"), num(d, "signedOff"),
                num(d, "instructed"), points, num(d, "coAuthorShare"));
    }

    private static double num(Document d, String k) {
        return d.get(k) instanceof Number n ? n.doubleValue() : 0;
    }
}
