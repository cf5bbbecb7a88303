package io.minyi.stats.projection.store;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * Which generation of the projection serves reads ({@code active}) and which, if any, is being rebuilt
 * from the beginning of the topic beside it; one document shared by every instance.
 */
@Component
public class ProjectionMeta {

    public static final String COLLECTION = "projection_meta";
    private static final String ID = "state";
    private final MongoTemplate mongo;

    public ProjectionMeta(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The state now; the first generation is created on first use. */
    public State state() {
        Document d = mongo.findById(ID, Document.class, COLLECTION);
        if (d == null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(ID)), new Update().setOnInsert("active", 1), COLLECTION);
            d = mongo.findById(ID, Document.class, COLLECTION);
        }
        return State.of(d);
    }

    /** Starts rebuilding the next generation; false when a rebuild is already running. */
    public boolean startRebuild(int generation, String by, Instant now) {
        Update update = new Update().set("rebuilding", new Document("generation", generation)
                .append("startedAt", Date.from(now)).append("by", by));
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ID).and("rebuilding").is(null)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION) != null;
    }

    /** The rebuilt generation takes over reads; its figures are kept as the last rebuild. */
    public boolean activate(int generation, long events, Instant startedAt, Instant now) {
        double seconds = Math.max(0.001, (now.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        Update update = new Update().set("active", generation).unset("rebuilding")
                .set("lastRebuild", new Document("generation", generation).append("events", events)
                        .append("startedAt", Date.from(startedAt)).append("finishedAt", Date.from(now))
                        .append("seconds", seconds).append("eventsPerSecond", Math.round(events / seconds)));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ID).and("rebuilding.generation").is(generation)),
                update, COLLECTION).getModifiedCount() == 1;
    }

    public record State(int active, Integer rebuilding, Instant rebuildStartedAt, Document lastRebuild) {
        static State of(Document d) {
            Document r = d.get("rebuilding", Document.class);
            return new State(((Number) d.get("active")).intValue(),
                    r == null ? null : ((Number) r.get("generation")).intValue(),
                    r == null ? null : r.getDate("startedAt").toInstant(), d.get("lastRebuild", Document.class));
        }
    }
}
