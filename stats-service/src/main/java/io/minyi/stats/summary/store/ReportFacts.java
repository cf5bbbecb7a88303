package io.minyi.stats.summary.store;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.summary.domain.Milestone;
import io.minyi.stats.summary.domain.Summary;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One fact document per report: the first time each milestone was reached ({@code $min}, so
 * redelivery and reordering change nothing), a 0/1 flag per milestone for summing, the outcome and
 * the furthest milestone ({@code $max}). Summaries aggregate the documents of a subtree.
 */
@Component
public class ReportFacts {

    public static final String COLLECTION = "report_facts";

    private final MongoTemplate mongo;

    public ReportFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the milestone the event marks; events that mark none change nothing. */
    public void record(ReportEvent event) {
        Milestone.of(event).ifPresent(m -> record(event, m));
    }

    private void record(ReportEvent event, Milestone m) {
        Update update = new Update()
                .setOnInsert("org", event.org().value())
                .setOnInsert("orgAncestors", event.org().selfAndAncestors())
                .min("at." + m.field(), Date.from(event.occurredAt()))
                .set("reached." + m.field(), 1)
                .max("stage", m.ordinal());
        Outcome outcome = Milestone.outcome(event);
        if (outcome != null) {
            update.set("outcome", outcome.name())
                    .set("adopted", outcome == Outcome.ADOPTED ? 1 : 0)
                    .set("notAdopted", outcome == Outcome.NOT_ADOPTED ? 1 : 0);
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(event.reportId())), update, COLLECTION);
    }

    public Summary summarize(OrgPath org) {
        Document group = new Document("_id", "$stage").append("n", new Document("$sum", 1))
                .append("adopted", new Document("$sum", "$adopted"))
                .append("notAdopted", new Document("$sum", "$notAdopted"));
        for (Milestone m : Milestone.values()) {
            group.append(m.field(), new Document("$sum", "$reached." + m.field()));
        }
        List<Document> pipeline = List.of(
                new Document("$match", new Document("orgAncestors", org.value())),
                new Document("$group", group));
        Map<Milestone, Long> reached = new EnumMap<>(Milestone.class);
        Map<Milestone, Long> current = new EnumMap<>(Milestone.class);
        long adopted = 0;
        long notAdopted = 0;
        for (Document row : mongo.getCollection(COLLECTION).aggregate(pipeline)) {
            current.put(Milestone.values()[((Number) row.get("_id")).intValue()], number(row, "n"));
            for (Milestone m : Milestone.values()) {
                reached.merge(m, number(row, m.field()), Long::sum);
            }
            adopted += number(row, "adopted");
            notAdopted += number(row, "notAdopted");
        }
        return Summary.of(org.value(), reached, current, adopted, notAdopted);
    }

    private static long number(Document row, String field) {
        Object value = row.get(field);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
