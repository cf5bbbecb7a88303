package io.minyi.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The H2 backend of mongo-java-server, planning one kind of query as MongoDB does: a filter with an
 * equality on {@code _id} and more conditions ({@code {_id: x, version: 3}}, {@code {_id: x, statusAt:
 * {$lt: t}}}: every version-guarded update and idempotent upsert minyi sends; also an {@code $in} or a
 * prefix regex on {@code _id}, as for the items of one report) is answered from the {@code _id} index —
 * the documents it names, kept if they match the whole filter. The stand-in
 * itself uses an index only when the filter names exactly the index's fields, so each of those
 * updates scanned the whole collection: at 20,000 reports that was most of its CPU in the lifecycle
 * benchmark. Results are the same; only the way to them changes.
 */
final class IdFirstBackend extends H2Backend {

    /** Filters answered from the {@code _id} index instead of a scan, since the start. */
    static final java.util.concurrent.atomic.AtomicLong ANSWERED_BY_ID = new java.util.concurrent.atomic.AtomicLong();
    /** Queries answered by reading the whole collection, by collection and filter fields: what an operator tunes. */
    static final Map<String, java.util.concurrent.atomic.AtomicLong> SCANS = new java.util.concurrent.ConcurrentHashMap<>();

    IdFirstBackend(String file) {
        super(file);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new IdFirstDatabase(name, getCursorRegistry());
    }

    /** Inner: its constructor already opens collections, before a field of its own could hold the store. */
    private final class IdFirstDatabase extends H2Database {

        IdFirstDatabase(String name, CursorRegistry cursors) {
            super(name, getMvStore(), cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(name);
            return new IdFirstCollection(this, name, options, store.openMap("databases." + namespace),
                    store.openMap("meta." + namespace), cursorRegistry);
        }
    }

    private static final class IdFirstCollection extends H2Collection {

        IdFirstCollection(MongoDatabase database, String name, CollectionOptions options,
                          org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                          CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            Object id = query.get("_id");
            if (query.size() < 2 || !byIndex(id)) {
                if (getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
                    SCANS.computeIfAbsent(getFullName() + " " + query.keySet(), k -> new java.util.concurrent.atomic.AtomicLong())
                            .incrementAndGet();
                }
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            ANSWERED_BY_ID.incrementAndGet();
            List<Document> candidates = super.queryDocuments(new Document("_id", id), orderBy, 0, 0, 0, null).collectDocuments();
            List<Document> matching = candidates.stream().filter(d -> documentMatchesQuery(d, query)).skip(skip)
                    .limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
            if (fieldSelector == null || fieldSelector.isEmpty()) {
                return new QueryResult(matching);
            }
            return new QueryResult(matching.stream().flatMap(d -> super.queryDocuments(new Document("_id", d.get("_id")),
                    null, 0, 0, 0, fieldSelector).collectDocuments().stream()).toList());
        }

        /**
         * An {@code _id} condition the {@code _id} index answers alone: a plain value (one document), an
         * {@code $in} of plain values, or a regular expression (the index's keys are matched, no document read).
         */
        private boolean byIndex(Object id) {
            if (plainValue(id)) {
                return true;
            }
            if (id instanceof Document condition && (condition.keySet().equals(java.util.Set.of("$in"))
                    || de.bwaldvogel.mongo.bson.BsonRegularExpression.isRegularExpression(id))) {
                Document alone = new Document("_id", id);
                return getIndexes().stream().anyMatch(index -> index.canHandle(alone));
            }
            return false;
        }

        /** A value the {@code _id} index can look up: not an operator document, array, regex or null. */
        private static boolean plainValue(Object id) {
            return id != null && !(id instanceof Document) && !(id instanceof Map) && !(id instanceof Collection)
                    && !(id instanceof java.util.regex.Pattern)
                    && !de.bwaldvogel.mongo.backend.Missing.isNullOrMissing(id)
                    && !de.bwaldvogel.mongo.bson.BsonRegularExpression.isRegularExpression(id);
        }
    }
}
