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

import java.time.Instant;
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

    /**
     * Puts an assignment's item into the inbox: new, or replacing an item of an earlier assignment of
     * the same report to the same department; a redelivered or older assignment changes nothing.
     */
    public void assign(InboxItem item) {
        Document fields = new Document("reportId", item.reportId())
                .append("department", item.department())
                .append("org", item.org().value())
                .append("title", item.title())
                .append("body", item.body())
                .append("deadline", item.deadline() == null ? null : item.deadline().toString())
                .append("assignedAt", Date.from(item.assignedAt()))
                .append("state", item.state().wireName())
                .append("role", item.role().wireName())
                .append("response", null)
                .append("extensionAsked", null);
        Update replace = new Update();
        fields.forEach(replace::set);
        boolean replaced = mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())
                .and("assignedAt").lt(Date.from(item.assignedAt()))), replace, COLLECTION).getModifiedCount() == 1;
        if (!replaced) {
            Update insert = new Update();
            fields.forEach(insert::setOnInsert);
            mongo.upsert(Query.query(Criteria.where("_id").is(item.id())), insert, COLLECTION);
        }
    }

    /** Items of earlier assignments of the report to other departments are re-assigned away. */
    public void reassignedAway(String reportId, List<String> departments, Instant assignedAt) {
        mongo.updateMulti(Query.query(Criteria.where("reportId").is(reportId).and("department").nin(departments)
                        .and("assignedAt").lt(Date.from(assignedAt))
                        .and("state").in(InboxItem.State.ASSIGNED.wireName(), InboxItem.State.HANDLING.wireName(),
                                InboxItem.State.BOUNCED.wireName())),
                new Update().set("state", InboxItem.State.REASSIGNED.wireName()), COLLECTION);
    }

    /** The office sent the lead department's answer back: it handles the item again, with the office's reason. */
    public void replyReturned(String reportId, String department, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(reportId, department))
                        .and("state").is(InboxItem.State.RESPONDED.wireName())),
                new Update().set("state", InboxItem.State.HANDLING.wireName()).set("officeComment", reason), COLLECTION);
    }

    /** The office decided an extension request: the deadline from now on; the request is answered. */
    public void extensionDecided(String reportId, String department, LocalDate deadline) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(reportId, department))),
                new Update().set("deadline", deadline.toString()).set("extensionAsked", null), COLLECTION);
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

    /**
     * Records a department's step and its event in one update, only if the item is still as it was read
     * (awaiting its answer, with no other extension request).
     */
    public boolean save(InboxItem.Step step, InboxItem before) {
        InboxItem next = step.next();
        Update update = OutboxRelay.enqueue(new Update()
                .set("state", next.state().wireName())
                .set("response", next.response())
                .set("extensionAsked", next.extensionAsked() == null ? null : next.extensionAsked().toString())
                .set("changedAt", Date.from(step.event().occurredAt())), PendingEvent.of(step.event()));
        boolean saved = mongo.updateFirst(Query.query(Criteria.where("_id").is(next.id())
                .and("state").is(before.state().wireName()).and("assignedAt").is(Date.from(before.assignedAt()))
                .and("extensionAsked").is(before.extensionAsked() == null ? null : before.extensionAsked().toString())),
                update, COLLECTION).getModifiedCount() == 1;
        if (saved) {
            relay.wake(next.id());
        }
        return saved;
    }

    /** The office closed the report: every current department's item shows the outcome. Idempotent. */
    public void closeAll(String reportId, Outcome outcome) {
        mongo.updateMulti(Query.query(Criteria.where("reportId").is(reportId)
                        .and("state").nin(InboxItem.State.REASSIGNED.wireName())),
                new Update().set("state", InboxItem.State.CLOSED.wireName()).set("outcome", outcome.name()),
                COLLECTION);
    }

    private static InboxItem toItem(Document d) {
        String deadline = d.getString("deadline");
        String outcome = d.getString("outcome");
        return new InboxItem(d.getString("reportId"), d.getString("department"), OrgPath.of(d.getString("org")),
                d.getString("title"), d.getString("body"), deadline == null ? null : LocalDate.parse(deadline),
                d.getDate("assignedAt").toInstant(), InboxItem.State.fromWireName(d.getString("state")),
                d.getString("response"), outcome == null ? null : Outcome.valueOf(outcome),
                "co-handler".equals(d.getString("role")) ? InboxItem.Role.CO_HANDLER : InboxItem.Role.LEAD,
                d.getString("extensionAsked") == null ? null : LocalDate.parse(d.getString("extensionAsked")),
                d.getString("officeComment"));
    }
}
