package io.minyi.stats.projection.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.bulk.BulkWriteResult;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes counter changes into the cell documents of one generation, exactly once each however often a
 * batch is replayed. Every cell belongs to one Kafka partition (its id ends in the partition) and is
 * written only by that partition's consumer, in offset order: the cell keeps the offset of the last
 * event applied ({@code o}), a change is applied only if its offset is newer, and the write is a
 * compare-and-set on {@code o}; a cell not written yet is inserted whole, so a duplicate key tells that
 * another writer created it first (the batch then reads the offsets again). A crash between writes, a
 * replay or a zombie consumer can therefore never count an event twice or skip one.
 * <p>
 * With {@link Fencing#OWNER} the write filters on the id alone and trusts the partition's ownership
 * (the remembered offsets still skip replayed events): for the MongoDB stand-in, which answers a filter
 * on anything but the bare id with a scan of the whole collection. Only a consumer that is still writing
 * after the group has given its partition to another (a pause longer than the session timeout) could
 * then double-count; real MongoDB uses {@link Fencing#COMPARE_AND_SET}, which costs it nothing.
 */
public class CellStore {

    /** How a cell write makes sure no other writer was there in between. */
    public enum Fencing { COMPARE_AND_SET, OWNER }

    /**
     * The change of the events from offset {@code first} to {@code offset} (both included) to one cell:
     * one event's when they are the same, else a batch's sum.
     */
    public record Change(String cell, long first, long offset, Map<String, Long> increments, Map<String, String> labels) {

        public Change(String cell, long offset, Map<String, Long> increments, Map<String, String> labels) {
            this(cell, offset, offset, increments, labels);
        }
    }

    private enum Outcome { APPLIED, CHANGED_MEANWHILE, STRADDLES }

    private static final long ABSENT = -1;
    private static final int CACHE_LIMIT = 200_000;
    private final MongoCollection<Document> cells;
    private final Fencing fencing;
    /** Last applied offset per cell, valid while this consumer owns the cells' partitions. */
    private final Map<String, Long> offsets = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CACHE_LIMIT;
        }
    });

    public CellStore(MongoTemplate mongo, String collection) {
        this(mongo, collection, Fencing.COMPARE_AND_SET);
    }

    public CellStore(MongoTemplate mongo, String collection, Fencing fencing) {
        this.cells = mongo.getCollection(collection);
        this.fencing = fencing;
    }

    /** Forgets what it knew of the cells (the partitions moved to another consumer and may come back). */
    public void forget() {
        offsets.clear();
    }

    /**
     * Applies one partition's changes. Partitions may be applied concurrently (their cells are
     * disjoint); one partition's batches come one after the other. Returns false, without writing, when a
     * cell already holds some but not all of the events a summed change covers (a batch replayed with
     * other boundaries after a crash): the caller then gives the changes event by event.
     */
    public boolean apply(List<Change> changes) {
        for (int attempt = 0; ; attempt++) {
            try {
                Outcome outcome = tryApply(changes);
                if (outcome != Outcome.CHANGED_MEANWHILE) {
                    return outcome == Outcome.APPLIED;
                }
            } catch (MongoBulkWriteException e) {
                if (attempt >= 5 || e.getWriteErrors().stream().anyMatch(w -> w.getCode() != 11000)) {
                    throw e;
                }
            }
            forget(); // another writer was here: read the offsets again and apply what is still missing
            if (attempt >= 5) {
                throw new IllegalStateException("cells changed under the consumer five times in a row");
            }
        }
    }

    private Outcome tryApply(List<Change> changes) {
        Map<String, List<Change>> byCell = new LinkedHashMap<>();
        changes.forEach(c -> byCell.computeIfAbsent(c.cell(), k -> new ArrayList<>(1)).add(c));
        Map<String, Long> known = load(byCell.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, Long> newOffsets = new LinkedHashMap<>();
        for (Map.Entry<String, List<Change>> e : byCell.entrySet()) {
            String cell = e.getKey();
            long last = known.get(cell);
            Document inc = new Document();
            Document set = new Document();
            long max = last;
            for (Change c : e.getValue()) {
                if (c.offset() <= last) {
                    continue;
                }
                if (c.first() <= last) {
                    return Outcome.STRADDLES;
                }
                if (inc.isEmpty()) {
                    inc.putAll(c.increments());
                } else {
                    c.increments().forEach((k, v) -> inc.merge(k, v, (a, b) -> (Long) a + (Long) b));
                }
                set.putAll(c.labels());
                max = Math.max(max, c.offset());
            }
            if (max == last) {
                continue;
            }
            set.put("o", max);
            if (last == ABSENT) {
                Document created = new Document("_id", cell);
                created.putAll(inc);
                created.putAll(set);
                writes.add(new InsertOneModel<>(created));
            } else {
                Document update = new Document("$set", set);
                if (!inc.isEmpty()) {
                    update.append("$inc", inc);
                }
                Document filter = new Document("_id", cell);
                if (fencing == Fencing.COMPARE_AND_SET) {
                    filter.append("o", last);
                }
                writes.add(new UpdateOneModel<>(filter, update));
            }
            newOffsets.put(cell, max);
        }
        if (writes.isEmpty()) {
            return Outcome.APPLIED;
        }
        BulkWriteResult result = cells.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        if (result.getMatchedCount() + result.getInsertedCount() != writes.size()) {
            return Outcome.CHANGED_MEANWHILE;
        }
        offsets.putAll(newOffsets);
        return Outcome.APPLIED;
    }

    /** The last applied offset of each cell ({@link #ABSENT} for cells not written yet), remembered or read. */
    private Map<String, Long> load(java.util.Set<String> ids) {
        Map<String, Long> known = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Long o = offsets.get(id);
            if (o == null) {
                missing.add(id);
                known.put(id, ABSENT);
            } else {
                known.put(id, o);
            }
        }
        for (int from = 0; from < missing.size(); from += 1000) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + 1000));
            for (Document d : cells.find(Filters.in("_id", chunk)).projection(Projections.include("o"))) {
                known.put(d.getString("_id"), ((Number) d.get("o")).longValue());
            }
        }
        return known;
    }
}
