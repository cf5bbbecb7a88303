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
 * {$lt: t}}}: every version-guarded update and idempotent upsert minyi sends) is answered from the
 * {@code _id} index — the one document with that id, kept if it matches the whole filter. The stand-in
 * itself uses an index only when the filter names exactly the index's fields, so each of those
 * updates scanned the whole collection: at 20,000 reports that was most of its CPU in the lifecycle
 * benchmark. Results are the same; only the way to them changes.
 */
final class IdFirstBackend extends H2Backend {

    /** Filters answered from the {@code _id} index instead of a scan, since the start. */
    static final java.util.concurrent.atomic.AtomicLong ANSWERED_BY_ID = new java.util.concurrent.atomic.AtomicLong();

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
            if (query.size() < 2 || !plainValue(id)) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
            }
            ANSWERED_BY_ID.incrementAndGet();
            Document byId = new Document("_id", id);
            List<Document> one = super.queryDocuments(byId, null, 0, 0, 0, null).collectDocuments();
            if (skip > 0 || one.isEmpty() || !documentMatchesQuery(one.get(0), query)) {
                return new QueryResult();
            }
            if (fieldSelector == null || fieldSelector.isEmpty()) {
                return new QueryResult(one);
            }
            return super.queryDocuments(byId, null, 0, 0, 0, fieldSelector);
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
