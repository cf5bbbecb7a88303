package io.minyi.routing.workflow.store;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportInstructed;
import io.minyi.routing.workflow.domain.Contributor;
import io.minyi.routing.workflow.domain.Instruction;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.domain.Revision;
import io.minyi.contracts.ReportStatus;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportCredited;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One document per report case, with its revisions. A state change, its event and its new revision
 * are written by one version-guarded update: all of it happens or none, and a stale version writes
 * nothing.
 */
@Component
public class CaseStore {

    public static final String COLLECTION = "cases";
    /** An instructed case one of whose instructions ordered assignment waits in 待交办, the others for their outcome. */
    private static final String ORDERED = "instructions.ordersAssignment";
    /** Assigned, not answered yet: the statuses the supervision timers watch. */
    private static final List<String> AWAITING_ANSWER = List.of(ReportStatus.ASSIGNED.wireName(),
            ReportStatus.HANDLING.wireName());

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public CaseStore(MongoTemplate mongo, @Qualifier("caseOutbox") OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Creates the case with its original revision unless it exists already (a redelivered submission changes nothing). */
    public void createIfAbsent(ReportCase c, Revision original) {
        Update update = new Update();
        CaseDocuments.fields(c).forEach(update::setOnInsert);
        update.setOnInsert("orgAncestors", c.org().selfAndAncestors());
        update.setOnInsert("revisions", List.of(CaseDocuments.revision(original)));
        mongo.upsert(Query.query(Criteria.where("_id").is(c.id())), update, COLLECTION);
    }

    public Optional<ReportCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(CaseDocuments::toCase);
    }

    /**
     * Writes the decision if the stored case still has {@code next.version() - 1}: the new state, its
     * event into the outbox, its revision, if any, onto the history. False when someone else changed
     * the case first.
     */
    public boolean save(ReportCase.Decision decision) {
        return save(decision.next(), PendingEvent.of(decision.event()), decision.revision(),
                decision.event() instanceof ReportInstructed i ? i : null);
    }

    /** Writes a state change that has no event of its own (one caused by another service's event). */
    public boolean save(ReportCase next) {
        return save(next, null, null, null);
    }

    private boolean save(ReportCase next, PendingEvent event, Revision revision, ReportInstructed instruction) {
        Update update = new Update();
        CaseDocuments.fields(next).forEach(update::set);
        if (event != null) {
            OutboxRelay.enqueue(update, event);
        }
        if (revision != null) {
            update.push("revisions", CaseDocuments.revision(revision));
        }
        if (instruction != null) {
            update.push("instructions", CaseDocuments.instruction(instruction));
        }
        Query current = Query.query(Criteria.where("_id").is(next.id()).and("version").is(next.version() - 1));
        Document saved = mongo.findAndModify(current, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION);
        if (saved != null && event != null) {
            relay.wake(next.id());
        }
        return saved != null;
    }

    /** The revisions of a case, oldest (the author's original) first. */
    public List<Revision> revisions(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("revisions");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return d == null ? List.of() : CaseDocuments.revisions(d);
    }

    /**
     * Credits the authors of a report merged into this one and publishes {@code report.credited} on it,
     * both in one write, once per merged report (a redelivered merge changes nothing). False when the
     * report merged into is unknown here.
     */
    public boolean credit(ReportMerged merged) {
        Query query = Query.query(Criteria.where("_id").is(merged.into()));
        query.fields().include("org");
        Document into = mongo.findOne(query, Document.class, COLLECTION);
        if (into == null) {
            return false;
        }
        var credited = new ReportCredited(UUID.nameUUIDFromBytes(("credited:" + merged.eventId())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), merged.occurredAt(), merged.into(),
                OrgPath.of(into.getString("org")), merged.actor(), merged.reportId(), merged.author(), merged.coAuthors());
        Document contributor = new Document("reportId", merged.reportId())
                .append("author", CaseDocuments.actor(merged.author())).append("coAuthors", merged.coAuthors());
        Update update = new Update().push("contributors", contributor);
        OutboxRelay.enqueue(update, PendingEvent.of(credited));
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(merged.into())
                .and("contributors.reportId").ne(merged.reportId())), update, COLLECTION);
        if (result.getModifiedCount() > 0) {
            relay.wake(merged.into());
        }
        return true;
    }

    /** The leaders' instructions (批示) on a case, oldest first. */
    public List<Instruction> instructions(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("instructions");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return d == null ? List.of() : d.getList("instructions", Document.class, List.of()).stream()
                .map(CaseDocuments::toInstruction).toList();
    }

    /** The reports merged into a case, with their authors. */
    public List<Contributor> contributors(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("contributors");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return d == null ? List.of() : d.getList("contributors", Document.class, List.of()).stream()
                .map(c -> new Contributor(c.getString("reportId"), CaseDocuments.toActor(c.get("author", Document.class)),
                        c.getList("coAuthors", String.class, List.of()))).toList();
    }

    /**
     * Cases waiting for a department's answer whose deadline is on or before {@code date}, unless an
     * extension request waits for the office (the clock is paused then).
     */
    public List<ReportCase> awaitingAnswerDueBy(LocalDate date) {
        Query query = Query.query(Criteria.where("status").in(AWAITING_ANSWER)
                .and("assignment.deadline").lte(date.toString()).and("assignment.extension").is(null));
        query.fields().exclude("revisions", "outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(CaseDocuments::toCase).toList();
    }

    /** Cases waiting for a department's answer whose deadline was counted by the rules (it can be counted again). */
    public List<ReportCase> awaitingAnswerWithTerm() {
        Query query = Query.query(Criteria.where("status").in(AWAITING_ANSWER).and("assignment.term").ne(null));
        query.fields().exclude("revisions", "outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(CaseDocuments::toCase).toList();
    }

    /**
     * Records that the {@code kind} reminder for {@code deadline} was sent, with its event, unless it
     * was recorded already or the case no longer waits on that deadline; true for the one caller that
     * recorded it.
     */
    public boolean markReminder(String id, String kind, LocalDate deadline, PendingEvent event) {
        Query pending = Query.query(Criteria.where("_id").is(id).and("status").in(AWAITING_ANSWER)
                .and("assignment.deadline").is(deadline.toString()).and("assignment.extension").is(null)
                .and("reminders." + kind).ne(deadline.toString()));
        Update update = OutboxRelay.enqueue(new Update().set("reminders." + kind, deadline.toString()), event);
        boolean marked = mongo.updateFirst(pending, update, COLLECTION).getModifiedCount() == 1;
        if (marked) {
            relay.wake(id);
        }
        return marked;
    }

    /** Assignments of a body and the bodies below it past their deadline without an answer, most overdue first. */
    public List<ReportCase> overdue(OrgPath org, LocalDate today, int limit) {
        Query query = Query.query(Criteria.where("orgAncestors").is(org.value())
                .and("status").in(AWAITING_ANSWER).and("assignment.deadline").lt(today.toString()))
                .with(Sort.by(Sort.Direction.ASC, "assignment.deadline")).limit(limit);
        query.fields().exclude("revisions", "outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(CaseDocuments::toCase).toList();
    }

    /** A page of cases and how many match in all. */
    public record Page(List<ReportCase> cases, long total) {
    }

    /**
     * The cases the body handles now in any of {@code statuses}, optionally of one topic and urgency,
     * ordered by {@code sort} (field, ascending?) then id, one page of them.
     */
    public Page queue(OrgPath level, java.util.Set<ReportStatus> statuses, String topic, String urgency,
                      Sort sort, int page, int size) {
        return queue(level, statuses, null, topic, urgency, sort, page, size);
    }

    /**
     * As above, and also the instructed cases whose instructions ordered assignment ({@code ordered} true)
     * or did not (false); null: only {@code statuses}.
     */
    public Page queue(OrgPath level, java.util.Set<ReportStatus> statuses, Boolean ordered, String topic,
                      String urgency, Sort sort, int page, int size) {
        Criteria inStates = Criteria.where("status").in(statuses.stream().map(ReportStatus::wireName).toList());
        Criteria criteria = Criteria.where("level").is(level.value());
        if (ordered == null) {
            criteria = criteria.andOperator(inStates);
        } else {
            Criteria instructed = Criteria.where("status").is(ReportStatus.INSTRUCTED.wireName());
            instructed = ordered ? instructed.and(ORDERED).is(true) : instructed.and(ORDERED).ne(true);
            criteria = criteria.orOperator(inStates, instructed);
        }
        if (topic != null) {
            criteria = criteria.and("content.topic").is(topic);
        }
        if (urgency != null) {
            criteria = criteria.and("content.urgency").is(urgency);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(sort.and(Sort.by("_id"))).skip((long) page * size).limit(size);
        query.fields().exclude("revisions", "outbox");
        return new Page(mongo.find(query, Document.class, COLLECTION).stream().map(CaseDocuments::toCase).toList(),
                total);
    }

    /** Cases of a body and the bodies below it, or those the body handles now ({@code queue}), newest first. */
    public List<ReportCase> list(OrgPath org, boolean queue, ReportStatus status, int limit) {
        Criteria criteria = queue ? Criteria.where("level").is(org.value())
                : Criteria.where("orgAncestors").is(org.value());
        if (status != null) {
            criteria = criteria.and("status").is(status.wireName());
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit);
        query.fields().exclude("revisions", "outbox");
        return mongo.find(query, Document.class, COLLECTION).stream().map(CaseDocuments::toCase).toList();
    }
}
