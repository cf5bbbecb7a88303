package io.minyi.feedback.inbox.store;

import io.minyi.contracts.AssignmentPartSubmitted;
import io.minyi.contracts.AssignmentProgressNoted;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReportResponded;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * Inbox items, one document per report and department. Every write stamps the item with the next
 * number of one sequence ({@code seq}) and {@code changedAt}, so departments' systems can ask for what
 * changed since a cursor.
 */
@Component
public class InboxStore {

    public static final String COLLECTION = "inbox";
    static final String COUNTERS = "counters";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public InboxStore(MongoTemplate mongo, @Qualifier("inboxOutbox") OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Puts an assignment's item into the inbox: new, or replacing an item of an earlier assignment of
     * the same report to the same department; a redelivered or older assignment changes nothing.
     */
    public void assign(InboxItem item, String topic, String urgency) {
        Document fields = new Document("reportId", item.reportId())
                .append("department", item.department())
                .append("lead", item.lead())
                .append("org", item.org().value())
                .append("orgAncestors", item.org().selfAndAncestors())
                .append("title", item.title())
                .append("body", item.body())
                .append("topic", topic)
                .append("urgency", urgency)
                .append("deadline", item.deadline() == null ? null : item.deadline().toString())
                .append("assignedAt", Date.from(item.assignedAt()))
                .append("state", item.state().wireName())
                .append("role", item.role().wireName())
                .append("response", null)
                .append("extensionAsked", null)
                .append("officeComment", null)
                .append("notes", List.of())
                .append("parts", new Document());
        long seq = nextSeq();
        Update replace = new Update().set("seq", seq).set("changedAt", Date.from(item.assignedAt()))
                .set("writtenAt", new Date());
        fields.forEach(replace::set);
        boolean replaced = mongo.updateFirst(Query.query(Criteria.where("_id").is(item.id())
                .and("assignedAt").lt(Date.from(item.assignedAt()))), replace, COLLECTION).getModifiedCount() == 1;
        if (!replaced) {
            Update insert = new Update();
            fields.forEach(insert::setOnInsert);
            insert.setOnInsert("seq", seq).setOnInsert("changedAt", Date.from(item.assignedAt()))
                    .setOnInsert("writtenAt", new Date());
            mongo.upsert(Query.query(Criteria.where("_id").is(item.id())), insert, COLLECTION);
        }
    }

    /** Items of earlier assignments of the report to other departments are re-assigned away. */
    public void reassignedAway(String reportId, List<String> departments, Instant assignedAt) {
        eachOf(reportId, Criteria.where("reportId").is(reportId).and("department").nin(departments)
                        .and("assignedAt").lt(Date.from(assignedAt))
                        .and("state").in(InboxItem.State.ASSIGNED.wireName(), InboxItem.State.HANDLING.wireName(),
                                InboxItem.State.BOUNCED.wireName()),
                new Update().set("state", InboxItem.State.REASSIGNED.wireName()), assignedAt);
    }

    /** The office sent the lead department's answer back: it handles the item again, with the office's reason. */
    public void replyReturned(String reportId, String department, String reason, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(reportId, department))
                        .and("state").is(InboxItem.State.RESPONDED.wireName())),
                stamped(new Update().set("state", InboxItem.State.HANDLING.wireName()).set("officeComment", reason), at),
                COLLECTION);
    }

    /** The office reopened the closed report at its author's request: the lead handles it again by a new deadline. */
    public void reopened(ReopenDecided e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(e.reportId(), e.department()))
                        .and("state").is(InboxItem.State.CLOSED.wireName())),
                stamped(new Update().set("state", InboxItem.State.HANDLING.wireName()).set("outcome", null)
                        .set("deadline", e.deadline() == null ? null : e.deadline().toString())
                        .set("officeComment", e.comment()).set("extensionAsked", null), e.occurredAt()), COLLECTION);
    }

    /** The office decided an extension request: the deadline from now on; the request is answered. */
    public void extensionDecided(String reportId, String department, LocalDate deadline, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(reportId, department))),
                stamped(new Update().set("deadline", deadline.toString()).set("extensionAsked", null), at), COLLECTION);
    }

    /**
     * A reminder onto the department's item (due soon, overdue, 催办), once per event however often it is
     * delivered. It counts as a change for the department's cursor.
     */
    public void remind(String reportId, String department, String eventId, InboxEntry.Reminder r) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(reportId, department))
                        .and("reminders.eventId").ne(eventId)),
                stamped(new Update().push("reminders", new Document("eventId", eventId).append("kind", r.kind())
                        .append("note", r.note()).append("byName", r.byName())
                        .append("deadline", r.deadline() == null ? null : r.deadline().toString())
                        .append("at", Date.from(r.at()))), r.at()), COLLECTION);
    }

    /** A later change of the working calendar moved the deadline (the department's request, if any, still waits). */
    public void deadlineRecomputed(String reportId, String department, LocalDate deadline, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(reportId, department))),
                stamped(new Update().set("deadline", deadline.toString()), at), COLLECTION);
    }

    /** A co-handler's part lands on the lead's item (the latest part of each department counts). Idempotent. */
    public void partSubmitted(AssignmentPartSubmitted e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(InboxItem.id(e.reportId(), e.lead()))),
                stamped(new Update().set("parts." + e.department(), new Document("text", e.text())
                        .append("attachments", InboxDocuments.toDocuments(e.attachments()))
                        .append("byName", e.actor().name()).append("at", Date.from(e.occurredAt()))), e.occurredAt()),
                COLLECTION);
    }

    /** The office closed the report: every current department's item shows the outcome. Idempotent. */
    public void closeAll(String reportId, Outcome outcome, Instant at) {
        eachOf(reportId, Criteria.where("reportId").is(reportId).and("state").nin(InboxItem.State.REASSIGNED.wireName(),
                        InboxItem.State.CLOSED.wireName()),
                new Update().set("state", InboxItem.State.CLOSED.wireName()).set("outcome", outcome.name()), at);
    }

    /**
     * Records a department's step and its event in one update, only if the item is still as it was read
     * (awaiting its answer, with no other extension request).
     */
    public boolean save(InboxItem.Step step, InboxItem before) {
        InboxItem next = step.next();
        Update update = stamped(OutboxRelay.enqueue(new Update()
                .set("state", next.state().wireName())
                .set("response", next.response())
                .set("extensionAsked", next.extensionAsked() == null ? null : next.extensionAsked().toString()),
                PendingEvent.of(step.event())), step.event().occurredAt());
        if (step.event() instanceof AssignmentProgressNoted noted) {
            update.push("notes", new Document("department", noted.department()).append("byName", noted.actor().name())
                    .append("text", noted.text()).append("at", Date.from(noted.occurredAt())));
        } else if (step.event() instanceof ReportResponded answer) {
            update.set("letterNo", answer.letterNo()).set("promisedActions", answer.promisedActions())
                    .set("attachments", InboxDocuments.toDocuments(answer.attachments()));
        } else if (step.event() instanceof AssignmentPartSubmitted part) {
            update.set("attachments", InboxDocuments.toDocuments(part.attachments()));
        }
        boolean saved = mongo.updateFirst(Query.query(Criteria.where("_id").is(next.id())
                .and("state").is(before.state().wireName()).and("assignedAt").is(Date.from(before.assignedAt()))
                .and("extensionAsked").is(before.extensionAsked() == null ? null : before.extensionAsked().toString())),
                update, COLLECTION).getModifiedCount() == 1;
        if (saved) {
            relay.wake(next.id());
        }
        return saved;
    }

    /** Applies an update to each matching item, each with its own sequence number. */
    /** The items of one report matching {@code which}, each updated while it still matches. */
    private void eachOf(String reportId, Criteria which, Update update, Instant at) {
        for (Document d : mongo.find(new Query(InboxQueries.itemsOf(reportId)).addCriteria(which), Document.class, COLLECTION)) {
            Update each = stamped(Update.fromDocument(new Document(update.getUpdateObject())), at);
            mongo.updateFirst(new Query(Criteria.where("_id").is(d.getString("_id"))).addCriteria(which), each,
                    COLLECTION);
        }
    }

    private Update stamped(Update update, Instant at) {
        return update.set("seq", nextSeq()).set("changedAt", Date.from(at)).set("writtenAt", new Date());
    }

    private long nextSeq() {
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(COLLECTION)),
                new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COUNTERS);
        return ((Number) counter.get("seq")).longValue();
    }
}
