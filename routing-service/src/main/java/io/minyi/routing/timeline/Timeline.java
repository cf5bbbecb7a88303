package io.minyi.routing.timeline;

import io.minyi.routing.timeline.domain.TimelineEntry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Every report's timeline: one document per report holding its entries by event id, so a redelivered
 * event sets the same entry again and events arriving out of order still read in time order.
 */
@Component
public class Timeline {

    static final String COLLECTION = "report_timeline";

    private final MongoTemplate mongo;

    Timeline(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void record(String reportId, TimelineEntry e) {
        Document entry = new Document("type", e.type()).append("at", Date.from(e.at())).append("org", e.org())
                .append("actorId", e.actorId()).append("actorName", e.actorName()).append("actorRole", e.actorRole())
                .append("details", new Document(e.details()));
        mongo.upsert(Query.query(Criteria.where("_id").is(reportId)), new Update().set("entries." + e.eventId(), entry),
                COLLECTION);
    }

    /** The report's entries, oldest first (events of one instant in the order of their ids). */
    public List<TimelineEntry> of(String reportId) {
        Document doc = mongo.findById(reportId, Document.class, COLLECTION);
        if (doc == null) {
            return List.of();
        }
        Document entries = doc.get("entries", Document.class);
        return entries.entrySet().stream().map(Timeline::entry)
                .sorted(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::eventId)).toList();
    }

    private static TimelineEntry entry(Map.Entry<String, Object> stored) {
        Document d = (Document) stored.getValue();
        Instant at = d.getDate("at").toInstant();
        return new TimelineEntry(stored.getKey(), d.getString("type"), at, d.getString("org"), d.getString("actorId"),
                d.getString("actorName"), d.getString("actorRole"), d.get("details", Document.class));
    }
}
