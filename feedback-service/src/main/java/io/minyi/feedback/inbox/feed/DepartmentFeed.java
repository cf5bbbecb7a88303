package io.minyi.feedback.inbox.feed;

import io.minyi.feedback.inbox.DepartmentAccounts;
import io.minyi.feedback.inbox.store.InboxEntry;
import io.minyi.feedback.inbox.store.InboxQueries;
import io.minyi.feedback.inbox.web.ItemView;
import io.minyi.support.messaging.CloudEventsKafka;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Departments that integrate by events get every change of their items on their own topic,
 * {@code minyi.department.<department>.v1} (so broker ACLs keep each department to its own), keyed by
 * report id, the item as the REST inbox shows it, CloudEvents 1.0 binary headers, {@code ce_id} =
 * item@seq. Follows the same change sequence as {@code /api/inbox/changes}, from a cursor stored in
 * MongoDB after each batch: at least once, in order per item.
 */
@Component
public class DepartmentFeed {

    public static final String TYPE = "minyi.inbox.item-changed";
    private static final Logger log = LoggerFactory.getLogger(DepartmentFeed.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InboxQueries queries;
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final DepartmentAccounts accounts;

    DepartmentFeed(InboxQueries queries, MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, Clock clock,
                   DepartmentAccounts accounts) {
        this.accounts = accounts;
        this.queries = queries;
        this.mongo = mongo;
        this.kafka = kafka;
        this.clock = clock;
    }

    public static String topic(String department) {
        return "minyi.department." + department + ".v1";
    }

    /** Publishes what changed since the stored cursor; returns how many changes it published. */
    @Scheduled(fixedDelayString = "${minyi.feed.interval:PT1S}", initialDelayString = "PT5S")
    public int publish() {
        long cursor = cursor();
        List<InboxEntry> changed = queries.changes(null, cursor, clock.instant().minus(InboxQueries.SETTLE), 500);
        try {
            for (InboxEntry e : changed) {
                var record = new ProducerRecord<>(topic(e.item().department()), null, e.item().reportId(),
                        JSON.writeValueAsBytes(ItemView.of(e, accounts::name)), CloudEventsKafka.headers(e.item().id() + "@" + e.seq(),
                        TYPE, "/minyi/feedback-service", e.item().reportId(),
                        e.changedAt() == null ? clock.instant() : e.changedAt()));
                kafka.send(record).get(10, TimeUnit.SECONDS);
                cursor = e.seq();
            }
        } catch (Exception ex) {
            log.warn("Department feed stopped at {}: {}", cursor, ex.toString());
        } finally {
            saveCursor(cursor);
        }
        return changed.size();
    }

    private long cursor() {
        Document d = mongo.findById("department-feed", Document.class, "counters");
        return d == null || d.get("cursor") == null ? 0 : ((Number) d.get("cursor")).longValue();
    }

    private void saveCursor(long cursor) {
        if (cursor == 0) {
            return;
        }
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is("department-feed").and("cursor").lt(cursor)),
                    new Update().set("cursor", cursor), "counters");
        } catch (DuplicateKeyException further) {
            // another instance got further already
        }
    }
}
