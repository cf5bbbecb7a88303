package io.minyi.intake.draft;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.intake.report.store.PersonalVault;
import io.minyi.intake.report.web.SubmitReportRequest;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Drafts in MongoDB, one document each, every save together with its event in the document's
 * outbox. A submitted or discarded draft stays as a tombstone until its events are published.
 */
@Component
public class DraftStore {

    public static final String COLLECTION = "drafts";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final PersonalVault vault;

    public DraftStore(MongoTemplate mongo, @Qualifier("draftOutbox") OutboxRelay draftOutbox, JsonMapper json,
                      PersonalVault vault) {
        this.mongo = mongo;
        this.relay = draftOutbox;
        this.json = json;
        this.vault = vault;
    }

    public void insert(Draft draft, PendingEvent event) {
        Document author = new Document("id", draft.author().id()).append("name", draft.author().name())
                .append("role", draft.author().role());
        mongo.insert(new Document("_id", draft.id())
                .append("org", draft.org().value())
                .append("author", author)
                .append("revision", draft.revision())
                .append("createdAt", Date.from(draft.createdAt()))
                .append("savedAt", Date.from(draft.savedAt()))
                .append("state", draft.state().name())
                .append("content", content(draft.id(), draft.content()))
                .append("outbox", List.of(event.toDocument())), COLLECTION);
        relay.wake(draft.id());
    }

    /**
     * Replaces an open draft's content if it is still at {@code expectedRevision}; empty if another
     * save came first (or the draft is no longer open).
     */
    public Optional<Draft> update(String id, long expectedRevision, SubmitReportRequest content, Instant now,
                                  PendingEvent event) {
        Update update = OutboxRelay.enqueue(new Update().set("content", content(id, content))
                .set("savedAt", Date.from(now)).set("revision", expectedRevision + 1), event);
        Document saved = mongo.findAndModify(open(id).addCriteria(Criteria.where("revision").is(expectedRevision)),
                update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        if (saved == null) {
            return Optional.empty();
        }
        relay.wake(id);
        return Optional.of(toDraft(saved));
    }

    /** Ends an open draft (discarded or submitted), with its event if it has one; false if it was not open. */
    public boolean end(String id, Draft.State state, Instant now, PendingEvent event) {
        Update update = new Update().set("state", state.name()).set("endedAt", Date.from(now));
        if (event != null) {
            OutboxRelay.enqueue(update, event);
        }
        boolean ended = mongo.updateFirst(open(id), update, COLLECTION).getModifiedCount() == 1;
        if (ended && event != null) {
            relay.wake(id);
        }
        return ended;
    }

    public Optional<Draft> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(this::toDraft);
    }

    /** The author's open drafts, last saved first. */
    public List<Draft> openDraftsOf(String authorId, int page, int size) {
        Query query = Query.query(Criteria.where("author.id").is(authorId).and("state").is(Draft.State.OPEN.name()))
                .with(Sort.by(Sort.Direction.DESC, "savedAt", "_id")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(this::toDraft).toList();
    }

    /** Removes tombstones whose events are all published and that ended more than {@code age} ago. */
    public long purgeEnded(Instant now, Duration age) {
        Query ended = Query.query(Criteria.where("state").ne(Draft.State.OPEN.name())
                .and("endedAt").lt(Date.from(now.minus(age))).and("outbox.0").exists(false));
        return mongo.remove(ended, COLLECTION).getDeletedCount();
    }

    private static Query open(String id) {
        return Query.query(Criteria.where("_id").is(id).and("state").is(Draft.State.OPEN.name()));
    }

    /**
     * A draft's content is the author's unfinished text and may hold anything, the constituent's
     * details included: it is stored sealed as a whole under the draft's own data key.
     */
    private Document content(String id, SubmitReportRequest content) {
        return vault.sealText("draft/" + id, json.writeValueAsString(content));
    }

    private SubmitReportRequest content(String id, Document stored) {
        if (stored.containsKey("sealed")) {
            return json.readValue(vault.openText("draft/" + id, stored), SubmitReportRequest.class);
        }
        return json.convertValue(stored, SubmitReportRequest.class); // stored before drafts were sealed
    }

    private Draft toDraft(Document d) {
        Document a = d.get("author", Document.class);
        return new Draft(d.getString("_id"), OrgPath.of(d.getString("org")),
                new Actor(a.getString("id"), a.getString("name"), a.getString("role")),
                ((Number) d.get("revision")).longValue(), d.getDate("createdAt").toInstant(),
                d.getDate("savedAt").toInstant(), Draft.State.valueOf(d.getString("state")),
                content(d.getString("_id"), d.get("content", Document.class)));
    }
}
