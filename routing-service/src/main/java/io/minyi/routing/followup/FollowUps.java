package io.minyi.routing.followup;

import io.minyi.contracts.FollowUpCompleted;
import io.minyi.contracts.FollowUpScheduled;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportResponded;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
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

/**
 * 回头看: one document per report with what the department promised in its answer and, once the
 * office scheduled it, the date of the review. Scheduling and completing write the event into the
 * document's outbox in the same update.
 */
@Component
public class FollowUps {

    static final String COLLECTION = "follow_ups";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    FollowUps(MongoTemplate mongo, @Qualifier("followUpOutbox") OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** A follow-up as the office sees it. */
    public record FollowUp(String reportId, OrgPath org, String title, String department, String response,
                           String promisedActions, LocalDate date, String note, String scheduledBy, boolean done,
                           String finding) {
    }

    /** Remembers the latest answer's promises (a later answer replaces an earlier one). Idempotent. */
    void answered(ReportResponded e) {
        try {
            upsertAnswer(e);
        } catch (DuplicateKeyException older) {
            // the document holds a later answer already
        }
    }

    private void upsertAnswer(ReportResponded e) {
        mongo.upsert(Query.query(Criteria.where("_id").is(e.reportId()).orOperator(
                        Criteria.where("answeredAt").exists(false), Criteria.where("answeredAt").lt(Date.from(e.occurredAt())))),
                new Update().set("org", e.org().value()).set("orgAncestors", e.org().selfAndAncestors())
                        .set("department", e.department()).set("response", e.response())
                        .set("promisedActions", e.promisedActions()).set("answeredAt", Date.from(e.occurredAt())),
                COLLECTION);
    }

    /** Schedules (or moves) the review; a review done before is replaced by the new one. */
    void schedule(String reportId, OrgPath org, OrgPath level, String title, FollowUpScheduled event) {
        Update update = OutboxRelay.enqueue(new Update().set("org", org.value()).set("level", level.value())
                .set("orgAncestors", org.selfAndAncestors()).set("title", title).set("date", event.date().toString())
                .set("note", event.note()).set("scheduledBy", event.actor().name()).set("done", false)
                .unset("finding"), PendingEvent.of(event));
        mongo.upsert(Query.query(Criteria.where("_id").is(reportId)), update, COLLECTION);
        relay.wake(reportId);
    }

    boolean complete(String reportId, FollowUpCompleted event) {
        boolean saved = mongo.updateFirst(Query.query(Criteria.where("_id").is(reportId).and("done").is(false)
                        .and("date").exists(true)),
                OutboxRelay.enqueue(new Update().set("done", true).set("finding", event.note())
                        .set("completedAt", Date.from(event.occurredAt())), PendingEvent.of(event)),
                COLLECTION).getModifiedCount() == 1;
        if (saved) {
            relay.wake(reportId);
        }
        return saved;
    }

    Optional<FollowUp> find(String reportId) {
        return Optional.ofNullable(mongo.findById(reportId, Document.class, COLLECTION)).map(FollowUps::toFollowUp);
    }

    /** The reviews the office of {@code level} scheduled and has not done; with {@code dueBy}, those due by then. */
    List<FollowUp> scheduled(OrgPath level, LocalDate dueBy, int limit) {
        Criteria c = Criteria.where("level").is(level.value()).and("done").is(false);
        c = dueBy == null ? c.and("date").exists(true) : c.and("date").lte(dueBy.toString());
        return mongo.find(Query.query(c).with(Sort.by("date", "_id")).limit(limit), Document.class, COLLECTION)
                .stream().map(FollowUps::toFollowUp).toList();
    }

    private static FollowUp toFollowUp(Document d) {
        String date = d.getString("date");
        return new FollowUp(d.getString("_id"), OrgPath.of(d.getString("org")), d.getString("title"),
                d.getString("department"), d.getString("response"), d.getString("promisedActions"),
                date == null ? null : LocalDate.parse(date), d.getString("note"), d.getString("scheduledBy"),
                Boolean.TRUE.equals(d.getBoolean("done")), d.getString("finding"));
    }
}
