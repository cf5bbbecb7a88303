package io.minyi.stats.projection.store;

import io.minyi.stats.projection.domain.ReportFact;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The report facts of one generation, one document per report (id = report id). */
public class FactStore {

    private final MongoTemplate mongo;
    private final String collection;

    public FactStore(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public Map<String, ReportFact> load(Collection<String> reportIds) {
        Map<String, ReportFact> facts = new HashMap<>();
        for (ReportFact f : mongo.find(Query.query(Criteria.where("_id").in(reportIds)), ReportFact.class, collection)) {
            facts.put(f.id(), f);
        }
        return facts;
    }

    /**
     * Writes the facts back: those {@code stored} before (by id) are replaced, new ones inserted whole —
     * a duplicate key then means another writer stored the report first, and the batch is retried.
     */
    public void saveAll(Collection<ReportFact> facts, java.util.Set<String> stored) {
        if (facts.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ReportFact.class, collection);
        for (ReportFact f : facts) {
            if (stored.contains(f.id())) {
                bulk.replaceOne(Query.query(Criteria.where("_id").is(f.id())), f, FindAndReplaceOptions.options().upsert());
            } else {
                bulk.insert(f);
            }
        }
        bulk.execute();
    }
}
