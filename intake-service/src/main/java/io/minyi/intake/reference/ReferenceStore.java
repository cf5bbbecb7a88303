package io.minyi.intake.reference;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.WireNamed;
import io.minyi.intake.reference.domain.ReferenceEntry;
import io.minyi.intake.reference.domain.ReferenceKind;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Reference entries in MongoDB, one document each, keyed {@code <kind>:<code>}. */
@Component
class ReferenceStore {

    static final String COLLECTION = "reference";

    private final MongoTemplate mongo;

    ReferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<ReferenceEntry> all() {
        return mongo.findAll(Document.class, COLLECTION).stream().map(ReferenceStore::toEntry).toList();
    }

    /** Writes the entry, recording who changed it and when. */
    void save(ReferenceEntry e, String by, Instant at) {
        Update update = new Update().set("kind", e.kind().wireName()).set("code", e.code()).set("name", e.name())
                .set("org", e.org() == null ? null : e.org().value()).set("active", e.active())
                .set("updatedBy", by).set("updatedAt", Date.from(at));
        mongo.upsert(byId(e), update, COLLECTION);
    }

    /** Adds a seed entry unless an entry with its key exists (possibly changed or retired by the office). */
    void seed(ReferenceEntry e, Instant at) {
        Update update = new Update().setOnInsert("kind", e.kind().wireName()).setOnInsert("code", e.code())
                .setOnInsert("name", e.name()).setOnInsert("org", e.org() == null ? null : e.org().value())
                .setOnInsert("active", true).setOnInsert("updatedBy", "seed").setOnInsert("updatedAt", Date.from(at));
        mongo.upsert(byId(e), update, COLLECTION);
    }

    private static Query byId(ReferenceEntry e) {
        return Query.query(Criteria.where("_id").is(e.kind().wireName() + ":" + e.code()));
    }

    private static ReferenceEntry toEntry(Document d) {
        String org = d.getString("org");
        return new ReferenceEntry(WireNamed.fromWireName(ReferenceKind.class, d.getString("kind")), d.getString("code"),
                d.getString("name"), org == null ? null : OrgPath.of(org), d.getBoolean("active", true));
    }
}
