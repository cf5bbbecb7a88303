package io.minyi.intake.report.store;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.intake.report.domain.Report;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Reports in MongoDB, one document each; a submission is inserted together with its
 * {@code report.submitted} event in the document's outbox, in one write.
 */
@Component
public class ReportStore {

    public static final String COLLECTION = "reports";

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public ReportStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Stores a new report with its event; if a report with that id exists already (a retried
     * idempotent submission), stores nothing and returns the existing one.
     */
    public Optional<Report> insertIfAbsent(Report.Submission submission) {
        try {
            insert(submission);
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return find(submission.report().id());
        }
    }

    public void insert(Report.Submission submission) {
        Report r = submission.report();
        Document doc = new Document("_id", r.id())
                .append("org", r.org().value())
                .append("orgAncestors", r.org().selfAndAncestors())
                .append("author", new Document("id", r.author().id()).append("name", r.author().name())
                        .append("role", r.author().role()))
                .append("title", r.title())
                .append("body", r.body())
                .append("submittedAt", Date.from(r.submittedAt()))
                .append("outbox", List.of(PendingEvent.of(submission.event()).toDocument()));
        mongo.insert(doc, COLLECTION);
        relay.wake(r.id());
    }

    public Optional<Report> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(ReportStore::toReport);
    }

    private static Report toReport(Document d) {
        Document a = d.get("author", Document.class);
        return new Report(d.getString("_id"), OrgPath.of(d.getString("org")),
                new Actor(a.getString("id"), a.getString("name"), a.getString("role")),
                d.getString("title"), d.getString("body"), d.getDate("submittedAt").toInstant());
    }
}
