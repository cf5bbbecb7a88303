package io.minyi.intake.report.store;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.WireNamed;
import io.minyi.privacy.PersonalKind;
import io.minyi.intake.report.domain.Report;
import io.minyi.contracts.ReportStatus;
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

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
    private final PersonalVault vault;

    public ReportStore(MongoTemplate mongo, @Qualifier("reportOutbox") OutboxRelay relay, PersonalVault vault) {
        this.mongo = mongo;
        this.relay = relay;
        this.vault = vault;
    }

    /**
     * Stores a new report with its event (in the outbox); if a report with that id exists already (a
     * retried idempotent submission), stores nothing and returns the existing one.
     */
    public Optional<Report> insertIfAbsent(Report.Submission submission) {
        try {
            insert(submission);
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return find(submission.report().id());
        }
    }

    /** Stores a new report with its event. */
    private void insert(Report.Submission submission) {
        Report r = submission.report();
        Document doc = new Document("_id", r.id())
                .append("org", r.org().value())
                .append("orgAncestors", r.org().selfAndAncestors())
                .append("author", new Document("id", r.author().id()).append("name", r.author().name())
                        .append("role", r.author().role()))
                .append("title", r.title())
                .append("body", r.body())
                .append("details", DetailsDocuments.toDocument(r.details()))
                .append("submittedAt", Date.from(r.submittedAt()))
                .append("status", r.status().wireName())
                .append("statusAt", Date.from(r.statusAt()))
                .append("outbox", List.of(PendingEvent.of(submission.event()).toDocument()))
                .append("orgRoot", r.org().selfAndAncestors().get(0))
                .append("personalKinds", r.personal().stream().map(PersonalKind::wireName).sorted().toList())
                .append("constituent", PersonalVault.masked(r.constituent()));
        if (!submission.personal().isEmpty()) {
            doc.append("personal", vault.seal(r.id(), submission.personal()));
        }
        mongo.insert(doc, COLLECTION);
        relay.wake(r.id());
    }

    /**
     * Records the status a workflow event gave the report, unless a later event was recorded already
     * (redeliveries and stragglers change nothing).
     */
    public void recordStatus(String id, ReportStatus status, Instant at) {
        Query earlier = Query.query(Criteria.where("_id").is(id).and("statusAt").lt(Date.from(at)));
        mongo.updateFirst(earlier, new Update().set("status", status.wireName()).set("statusAt", Date.from(at)),
                COLLECTION);
    }

    /**
     * Erases a report's personal data for good: the sealed fields and their data key go, the masked
     * constituent too; the masked text, the classification and everything counted stay. Returns whether
     * there was anything to erase.
     */
    public boolean erasePersonalData(String id, Instant at) {
        Query query = Query.query(Criteria.where("_id").is(id).and("personalErasedAt").exists(false));
        return mongo.updateFirst(query, new Update().unset("personal").set("constituent", new Document())
                .set("personalErasedAt", Date.from(at)), COLLECTION).getModifiedCount() == 1;
    }

    /** Reports finished (closed, rejected, merged, withdrawn) before {@code before} that still hold personal data. */
    public List<String> finishedWithPersonalData(Instant before, int limit) {
        Query query = Query.query(Criteria.where("status").in(ReportStatus.FINAL.stream().map(ReportStatus::wireName).toList())
                .and("statusAt").lt(Date.from(before)).and("personalErasedAt").exists(false).and("personalKinds.0").exists(true));
        query.fields().include("_id");
        query.limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * Records the departments a report is assigned to (lead and co-handlers); a later assignment replaces
     * an earlier one, an earlier event arriving late changes nothing.
     */
    public void recordDepartments(String id, List<String> departments, Instant at) {
        Query earlier = Query.query(Criteria.where("_id").is(id)).addCriteria(new Criteria().orOperator(
                Criteria.where("departmentsAt").exists(false), Criteria.where("departmentsAt").lt(Date.from(at))));
        mongo.updateFirst(earlier, new Update().set("departments", departments).set("departmentsAt", Date.from(at)),
                COLLECTION);
    }

    /** The departments the report is currently assigned to. */
    public List<String> departments(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("departments");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return d == null ? List.of() : d.getList("departments", String.class, List.of());
    }

    /** One page of reports matching {@code criteria}, newest first, and how many match in all. */
    public Page page(Criteria criteria, int page, int size) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "submittedAt", "_id")).skip((long) page * size).limit(size);
        query.fields().exclude("outbox", "personal");
        List<Report> reports = mongo.find(query, Document.class, COLLECTION).stream().map(ReportStore::toReport).toList();
        return new Page(reports, total);
    }

    public record Page(List<Report> reports, long total) {
    }

    public Optional<Report> find(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude("personal");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(ReportStore::toReport);
    }

    /** The report's personal data in plain, for a permitted and audited reveal; empty if it has none (left). */
    public Optional<io.minyi.intake.report.domain.PersonalData> personalData(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("personal");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return Optional.ofNullable(d).map(x -> x.get("personal", Document.class)).map(p -> vault.open(id, p));
    }

    private static Report toReport(Document d) {
        Document a = d.get("author", Document.class);
        return new Report(d.getString("_id"), OrgPath.of(d.getString("org")),
                new Actor(a.getString("id"), a.getString("name"), a.getString("role")),
                d.getString("title"), d.getString("body"), DetailsDocuments.fromDocument(d.get("details", Document.class)),
                d.getDate("submittedAt").toInstant(),
                d.getString("status") == null ? ReportStatus.SUBMITTED
                        : WireNamed.fromWireName(ReportStatus.class, d.getString("status")),
                d.getDate("statusAt") == null ? d.getDate("submittedAt").toInstant() : d.getDate("statusAt").toInstant(),
                d.getList("personalKinds", String.class, List.of()).stream().map(PersonalKind::ofWireName)
                        .collect(java.util.stream.Collectors.toSet()),
                PersonalVault.maskedFrom(d.get("constituent", Document.class)));
    }
}
