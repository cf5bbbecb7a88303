package io.minyi.intake.report.store;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The indexes the report queries need on a real MongoDB (created at start, idempotently):
 * the author's and the body's lists newest first, and the date range.
 */
@Component
class ReportIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportIndexes.class);
    private final MongoTemplate mongo;

    ReportIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static List<IndexDefinition> definitions() {
        return List.of(new Index("submittedAt", Sort.Direction.DESC).named("submittedAt"),
                new CompoundIndexDefinition(new Document("author.id", 1).append("submittedAt", -1)).named("author-submittedAt"),
                new CompoundIndexDefinition(new Document("org", 1).append("submittedAt", -1)).named("org-submittedAt"));
    }

    @Override
    public void run(ApplicationArguments args) {
        var ops = mongo.indexOps(ReportStore.COLLECTION);
        for (IndexDefinition index : definitions()) {
            try {
                ops.createIndex(index);
            } catch (RuntimeException e) {
                // a store that cannot build this kind of index (the test stand-in) still answers the queries
                log.warn("Index {} on {} not created: {}", index.getIndexOptions().get("name"), ReportStore.COLLECTION,
                        e.getMessage());
            }
        }
    }
}
