package io.minyi.feedback.inbox.store;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Inbox items, one document per report and department. */
@Component
public class InboxStore {

    public static final String COLLECTION = "inbox";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public InboxStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Adds the item unless it is there already (a redelivered assignment changes nothing). */
    public void addIfAbsent(InboxItem item) {
        Update update = new Update()
                .setOnInsert("reportId", item.reportId())
                .setOnInsert("department", item.department())
                .setOnInsert("org", item.org().value())
                .setOnInsert("title", item.title())
                .setOnInsert("body", item.body())
                .setOnInsert("deadline", item.deadline() == null ? null : item.deadline().toString())
                .setOnInsert("assignedAt", Date.from(item.assignedAt()))
                .setOnInsert("state", item.state().wireName());
        mongo.upsert(Query.query(Criteria.where("_id").is(item.id())), update, COLLECTION);
    }

    public Optional<InboxItem> find(String reportId, String department) {
        return Optional.ofNullable(mongo.findById(InboxItem.id(reportId, department), Document.class, COLLECTION))
                .map(InboxStore::toItem);
    }

    public List<InboxItem> forDepartment(String department, InboxItem.State state, int limit) {
        Criteria criteria = Criteria.where("department").is(department);
        if (state != null) {
            criteria = criteria.and("state").is(state.wireName());
        }
        Query query = Query.query(criteria).with(Sort.by("deadline", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(InboxStore::toItem).toList();
    }

    /** Records the answer and its event in one update, only if the item still awaits an answer. */
    public boolean saveAnswer(InboxItem.Answer answer) {
        InboxItem next = answer.next();
        Update update = OutboxRelay.enqueue(new Update()
                .set("state", next.state().wireName())
                .set("response", next.response())
                .set("respondedAt", Date.from(answer.event().occurredAt())), PendingEvent.of(answer.event()));
        boolean saved = mongo.updateFirst(Query.query(Criteria.where("_id").is(next.id())
                .and("state").is(InboxItem.State.ASSIGNED.wireName())), update, COLLECTION).getModifiedCount() == 1;
        if (saved) {
            relay.wake(next.id());
        }
        return saved;
    }

    /** The office closed the report: every department's item shows the outcome. Idempotent. */
    public void closeAll(String reportId, Outcome outcome) {
        mongo.updateMulti(Query.query(Criteria.where("reportId").is(reportId)),
                new Update().set("state", InboxItem.State.CLOSED.wireName()).set("outcome", outcome.name()),
                COLLECTION);
    }

    private static InboxItem toItem(Document d) {
        String deadline = d.getString("deadline");
        String outcome = d.getString("outcome");
        return new InboxItem(d.getString("reportId"), d.getString("department"), OrgPath.of(d.getString("org")),
                d.getString("title"), d.getString("body"), deadline == null ? null : LocalDate.parse(deadline),
                d.getDate("assignedAt").toInstant(), InboxItem.State.fromWireName(d.getString("state")),
                d.getString("response"), outcome == null ? null : Outcome.valueOf(outcome));
    }
}
