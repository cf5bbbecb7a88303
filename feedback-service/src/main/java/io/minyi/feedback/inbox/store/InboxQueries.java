package io.minyi.feedback.inbox.store;

import io.minyi.contracts.OrgPath;
import io.minyi.feedback.inbox.domain.InboxItem;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** What departments read from their inbox: one item, a filtered page, or what changed since a cursor. */
@Component
public class InboxQueries {

    /** How long a write is held back from the change feed, so that one that took its number earlier is not skipped. */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    private final MongoTemplate mongo;

    InboxQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Filters of a department's inbox; null means any. */
    public record Filter(InboxItem.State state, LocalDate deadlineBy, OrgPath body, String topic) {
    }

    public record Page(List<InboxEntry> entries, long total) {
    }

    public Optional<InboxItem> find(String reportId, String department) {
        return entry(reportId, department).map(InboxEntry::item);
    }

    public Optional<InboxEntry> entry(String reportId, String department) {
        return Optional.ofNullable(mongo.findById(InboxItem.id(reportId, department), Document.class,
                InboxStore.COLLECTION)).map(InboxDocuments::toEntry);
    }

    /**
     * The items of one report by their id ({@code reportId|department}): a prefix of the primary key, which
     * every store answers from its {@code _id} index (the MongoDB stand-in uses no other index, and read
     * the whole inbox for each of a report's events before).
     */
    static Criteria itemsOf(String reportId) {
        return Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(InboxItem.id(reportId, "")));
    }

    /** Every department's item of a report (the lead's and co-handlers'). */
    public List<InboxEntry> ofReport(String reportId) {
        return mongo.find(new Query(itemsOf(reportId)).addCriteria(Criteria.where("reportId").is(reportId)), Document.class,
                        InboxStore.COLLECTION)
                .stream().map(InboxDocuments::toEntry).toList();
    }

    /** A department's items, nearest deadline first. */
    public Page page(String department, Filter filter, int page, int size) {
        Criteria c = Criteria.where("department").is(department);
        if (filter.state() != null) {
            c = c.and("state").is(filter.state().wireName());
        }
        if (filter.deadlineBy() != null) {
            c = c.and("deadline").lte(filter.deadlineBy().toString());
        }
        if (filter.body() != null) {
            c = c.and("orgAncestors").is(filter.body().value());
        }
        if (filter.topic() != null) {
            c = c.and("topic").is(filter.topic());
        }
        long total = mongo.count(Query.query(c), InboxStore.COLLECTION);
        Query query = Query.query(c).with(Sort.by("deadline", "_id")).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Document.class, InboxStore.COLLECTION).stream()
                .map(InboxDocuments::toEntry).toList(), total);
    }

    /**
     * The department's items changed after cursor {@code after}, in the order they changed; only writes
     * older than {@code settledBefore} are given out, so that a write that took its number earlier but
     * finished later is not skipped.
     */
    public List<InboxEntry> changes(String department, long after, Instant settledBefore, int limit) {
        Criteria c = Criteria.where("seq").gt(after).and("writtenAt").lt(Date.from(settledBefore));
        if (department != null) {
            c = c.and("department").is(department);
        }
        return mongo.find(Query.query(c).with(Sort.by("seq")).limit(limit), Document.class, InboxStore.COLLECTION)
                .stream().map(InboxDocuments::toEntry).toList();
    }
}
