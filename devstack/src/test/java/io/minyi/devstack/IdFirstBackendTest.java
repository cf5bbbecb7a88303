package io.minyi.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id-first planning answers every filter exactly as the stand-in's full scan did. Filters are flat
 * documents, as Spring Data MongoDB sends them (the driver's {@code Filters.and} would send {@code $and}).
 */
class IdFirstBackendTest {

    @TempDir
    Path dir;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> cases;

    @BeforeEach
    void start() {
        server = new MongoServer(new IdFirstBackend(dir.resolve("data.mv").toString()));
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        cases = client.getDatabase("minyi-routing").getCollection("cases");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            docs.add(new Document("_id", "r" + i).append("version", i % 3).append("status", "submitted")
                    .append("org", i % 2 == 0 ? "haikou/longhua" : "haikou/meilan"));
        }
        cases.insertMany(docs);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aVersionGuardedUpdateChangesTheDocumentOnlyAtItsVersion() {
        long before = IdFirstBackend.ANSWERED_BY_ID.get();
        var stale = cases.updateOne(new Document("_id", "r4").append("version", 0), Updates.set("status", "editing"));
        assertThat(stale.getMatchedCount()).isZero();
        var current = cases.findOneAndUpdate(new Document("_id", "r4").append("version", 1),
                Updates.combine(Updates.set("status", "editing"), Updates.inc("version", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(current).isNotNull();
        assertThat(current.getString("status")).isEqualTo("editing");
        assertThat(current.getInteger("version")).isEqualTo(2);
        assertThat(cases.countDocuments(Filters.eq("status", "editing"))).isEqualTo(1);
        assertThat(IdFirstBackend.ANSWERED_BY_ID.get() - before).as("answered from the _id index, no scan").isEqualTo(2);
    }

    @Test
    void findsWithAnIdAndMoreConditionsMatchTheWholeFilterAndProject() {
        assertThat(cases.find(new Document("_id", "r7").append("version", new Document("$lt", 2))).into(new ArrayList<>()))
                .extracting(d -> d.getString("_id")).containsExactly("r7");
        assertThat(cases.find(new Document("_id", "r8").append("version", new Document("$lt", 2))).into(new ArrayList<>())).isEmpty();
        assertThat(cases.find(new Document("_id", "missing").append("version", 0)).first()).isNull();
        Document projected = cases.find(new Document("_id", "r9").append("org", "haikou/meilan"))
                .projection(Projections.include("status")).first();
        assertThat(projected).isEqualTo(new Document("_id", "r9").append("status", "submitted"));
        assertThat(cases.find(Filters.and(Filters.in("_id", "r1", "r2"), Filters.eq("version", 1))).into(new ArrayList<>()))
                .extracting(d -> d.getString("_id")).containsExactly("r1");
    }

    @Test
    void aPrefixOfTheIdWithMoreConditionsFindsTheItemsOfOneReport() {
        var inbox = client.getDatabase("minyi-feedback").getCollection("inbox");
        inbox.insertMany(List.of(new Document("_id", "r1|housing").append("reportId", "r1").append("state", "assigned"),
                new Document("_id", "r1|water").append("reportId", "r1").append("state", "closed"),
                new Document("_id", "r10|housing").append("reportId", "r10").append("state", "assigned")));
        long before = IdFirstBackend.ANSWERED_BY_ID.get();
        var open = inbox.find(new Document("_id", new Document("$regex", "^\\Qr1|\\E")).append("reportId", "r1")
                .append("state", new Document("$nin", List.of("closed")))).into(new ArrayList<>());
        assertThat(open).extracting(d -> d.getString("_id")).containsExactly("r1|housing");
        inbox.updateMany(new Document("_id", new Document("$regex", "^\\Qr1|\\E")).append("reportId", "r1"),
                Updates.set("state", "closed"));
        assertThat(inbox.countDocuments(new Document("state", "closed"))).isEqualTo(2);
        assertThat(IdFirstBackend.ANSWERED_BY_ID.get() - before).isEqualTo(2);
    }

    @Test
    void anUpsertGuardedByAnOlderTimestampStillInsertsOrSkipsAsBefore() {
        var options = new UpdateOptions().upsert(true);
        cases.updateOne(new Document("_id", "new").append("version", new Document("$lt", 5)), Updates.set("version", 5), options);
        assertThat(cases.find(Filters.eq("_id", "new")).first()).isEqualTo(new Document("_id", "new").append("version", 5));
        var skipped = cases.updateOne(new Document("_id", "r3").append("status", "closed"),
                Updates.set("status", "reopened"));
        assertThat(skipped.getModifiedCount()).isZero();
        assertThat(cases.countDocuments()).isEqualTo(201);
    }
}
