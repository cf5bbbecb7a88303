package io.minyi.stats.projection.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.bulk.BulkWriteResult;
import org.bson.Document;
import org.bson.conversions.Bson;
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
 * compare-and-set on {@code o}. A crash between writes, a replay or a zombie consumer can therefore
 * never count an event twice or skip one.
 */
public class CellStore {

    /** One event's change to one cell. */
    public record Change(String cell, long offset, Map<String, Long> increments, Map<String, String> labels) {
    }

    private static final long ABSENT = -1;
    private static final int CACHE_LIMIT = 100_000;
    private final MongoCollection<Document> cells;
    /** Last applied offset per cell, valid while this consumer owns the cells' partitions. */
    private final Map<String, Long> offsets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CACHE_LIMIT;
        }
    };

    public CellStore(MongoTemplate mongo, String collection) {
        this.cells = mongo.getCollection(collection);
    }

    /** Forgets what it knew of the cells (the partitions moved to another consumer and may come back). */
    public synchronized void forget() {
        offsets.clear();
    }

    public synchronized void apply(List<Change> changes) {
        for (int attempt = 0; ; attempt++) {
            try {
                if (tryApply(changes)) {
                    return;
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

    private boolean tryApply(List<Change> changes) {
        Map<String, List<Change>> byCell = new LinkedHashMap<>();
        changes.forEach(c -> byCell.computeIfAbsent(c.cell(), k -> new ArrayList<>()).add(c));
        load(byCell.keySet());
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, Long> newOffsets = new LinkedHashMap<>();
        byCell.forEach((cell, list) -> {
            long last = offsets.get(cell);
            Document inc = new Document();
            Document set = new Document();
            long max = last;
            for (Change c : list) {
                if (c.offset() <= last) {
                    continue;
                }
                c.increments().forEach((k, v) -> inc.merge(k, v, (a, b) -> (Long) a + (Long) b));
                set.putAll(c.labels());
                max = Math.max(max, c.offset());
            }
            if (max == last) {
                return;
            }
            set.put("o", max);
            Document update = new Document("$set", set);
            if (!inc.isEmpty()) {
                update.append("$inc", inc);
            }
            Bson filter = last == ABSENT ? Filters.and(Filters.eq("_id", cell), Filters.exists("o", false))
                    : Filters.and(Filters.eq("_id", cell), Filters.eq("o", last));
            writes.add(new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(last == ABSENT)));
            newOffsets.put(cell, max);
        });
        if (writes.isEmpty()) {
            return true;
        }
        BulkWriteResult result = cells.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        if (result.getMatchedCount() + result.getUpserts().size() != writes.size()) {
            return false;
        }
        offsets.putAll(newOffsets);
        return true;
    }

    private void load(java.util.Set<String> ids) {
        List<String> missing = ids.stream().filter(id -> !offsets.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> offsets.put(id, ABSENT));
        for (Document d : cells.find(Filters.in("_id", missing)).projection(Projections.include("o"))) {
            offsets.put(d.getString("_id"), ((Number) d.get("o")).longValue());
        }
    }
}
