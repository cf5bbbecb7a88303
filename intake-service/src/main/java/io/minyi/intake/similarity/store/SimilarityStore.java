package io.minyi.intake.similarity.store;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.intake.similarity.domain.ReportVector;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The similarity projection's own collection: one document per report with its embedding (512
 * little-endian floats), fingerprint (256 ints), title, org and whether it is still a candidate.
 * {@code textAt} is the time of the event that gave the text, so a redelivered or late event never
 * replaces a newer text; {@code changedAt} is when the document last changed, for the instances that
 * follow the collection.
 */
@Component
public class SimilarityStore {

    public static final String COLLECTION = "similarity_vectors";

    private final MongoTemplate mongo;

    SimilarityStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("changedAt", Sort.Direction.ASC).named("changedAt"));
    }

    /**
     * Stores the report's text vectors unless a text of the same time or later is stored; a report
     * seen first is active. The submission time is kept from the first text unless this is the
     * submission itself. Returns whether anything was written.
     */
    public boolean storeText(ReportVector report, String body, boolean submission, Instant textAt, Instant now) {
        Update update = new Update().set("org", report.org().value()).set("title", report.title()).set("body", body)
                .set("textAt", Date.from(textAt))
                .set("embedding", new Binary(floats(report.embedding())))
                .set("fingerprint", new Binary(ints(report.fingerprint().minHashes())))
                .set("changedAt", Date.from(now));
        if (submission) {
            update.set("submittedAt", Date.from(report.submittedAt()));
        }
        Query older = Query.query(Criteria.where("_id").is(report.reportId()).and("textAt").lt(Date.from(textAt)));
        if (mongo.updateFirst(older, update, COLLECTION).getMatchedCount() > 0) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(report.reportId()).and("submittedAt").exists(false)),
                    new Update().set("submittedAt", Date.from(report.submittedAt())), COLLECTION);
            return true;
        }
        Document doc = new Document("_id", report.reportId()).append("active", true)
                .append("submittedAt", Date.from(report.submittedAt()));
        update.getUpdateObject().get("$set", Document.class).forEach(doc::append);
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The stored title and text of a report (for an edit that changed only one of them). */
    public Optional<String[]> text(String reportId) {
        Query query = Query.query(Criteria.where("_id").is(reportId));
        query.fields().include("title", "body");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return d == null || d.getString("body") == null ? Optional.empty()
                : Optional.of(new String[] {d.getString("title"), d.getString("body")});
    }

    /** The stored document of a report. */
    public Optional<Stored> find(String reportId) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(reportId)), Document.class, COLLECTION);
        return Optional.ofNullable(d).map(SimilarityStore::read);
    }

    /** The report is no longer a candidate (merged, withdrawn); a later text event does not revive it. */
    public void deactivate(String reportId, OrgPath org, Instant now) {
        mongo.upsert(Query.query(Criteria.where("_id").is(reportId)),
                new Update().set("active", false).set("changedAt", Date.from(now)).setOnInsert("org", org.value())
                        .setOnInsert("textAt", new Date(0)), COLLECTION);
    }

    /** Every document changed at or after {@code since}, oldest change first; inactive ones too. */
    public void forEachChangedSince(Instant since, Consumer<Stored> consumer) {
        Query query = Query.query(Criteria.where("changedAt").gte(Date.from(since)));
        query.with(Sort.by("changedAt"));
        try (var documents = mongo.stream(query, Document.class, COLLECTION)) {
            documents.forEach(d -> consumer.accept(read(d)));
        }
    }

    /** Every document of a report submitted at or after {@code since}, in no particular order. */
    public void forEachSubmittedSince(Instant since, Consumer<Stored> consumer) {
        Query query = Query.query(Criteria.where("submittedAt").gte(Date.from(since)));
        try (var documents = mongo.stream(query, Document.class, COLLECTION)) {
            documents.forEach(d -> consumer.accept(read(d)));
        }
    }

    /** A stored document: the report's vectors (absent when it was deactivated before any text) and when it changed. */
    public record Stored(String reportId, OrgPath org, ReportVector vector, Instant changedAt) {
    }

    private static Stored read(Document d) {
        Instant changedAt = d.getDate("changedAt").toInstant();
        OrgPath org = OrgPath.of(d.getString("org"));
        Binary embedding = d.get("embedding", Binary.class);
        if (embedding == null) {
            return new Stored(d.getString("_id"), org, null, changedAt);
        }
        ReportVector v = new ReportVector(d.getString("_id"), org, d.getString("title"),
                d.getDate("submittedAt").toInstant(), floats(embedding.getData()),
                new Fingerprint(ints(d.get("fingerprint", Binary.class).getData())), d.getBoolean("active", true));
        return new Stored(v.reportId(), org, v, changedAt);
    }

    static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    static byte[] ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(values);
        return b.array();
    }

    static int[] ints(byte[] bytes) {
        int[] values = new int[bytes.length / Integer.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(values);
        return values;
    }
}
