package io.minyi.feedback.inbox.feed;

import io.minyi.feedback.inbox.DepartmentAccounts;
import io.minyi.feedback.inbox.store.InboxEntry;
import io.minyi.feedback.inbox.store.InboxQueries;
import io.minyi.feedback.inbox.web.ItemView;
import io.minyi.support.messaging.CloudEventsKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Departments that integrate by events get every change of their items on their own topic,
 * {@code minyi.department.<department>.v1} (so broker ACLs keep each department to its own), keyed by
 * report id, the item as the REST inbox shows it, CloudEvents 1.0 binary headers, {@code ce_id} =
 * item@seq. Follows the same change sequence as {@code /api/inbox/changes}: at least once, in order per item.
 * <p>
 * One cursor walks the sequence for all departments; a department whose send fails gets a cursor of its
 * own ({@code feed_behind}) and is skipped by the walk until it has caught up from there, so one failing
 * department never holds up the others. A department's topic is created the first time it is published to
 * ({@code minyi.feed.partitions}, {@code minyi.kafka.replicas}); the broker creates none by itself.
 */
@Component
public class DepartmentFeed {

    public static final String TYPE = "minyi.inbox.item-changed";
    static final String BEHIND = "feed_behind";
    private static final Logger log = LoggerFactory.getLogger(DepartmentFeed.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 500;

    private final InboxQueries queries;
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin admin;
    private final Clock clock;
    private final DepartmentAccounts accounts;
    private final int partitions;
    private final int replicas;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    DepartmentFeed(InboxQueries queries, MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, KafkaAdmin admin,
                   Clock clock, DepartmentAccounts accounts, @Value("${minyi.feed.partitions:3}") int partitions,
                   @Value("${minyi.kafka.replicas:1}") int replicas) {
        this.accounts = accounts;
        this.queries = queries;
        this.mongo = mongo;
        this.kafka = kafka;
        this.admin = admin;
        this.clock = clock;
        this.partitions = partitions;
        this.replicas = replicas;
    }

    public static String topic(String department) {
        return "minyi.department." + department + ".v1";
    }

    /** Every period, on one replica at a time: publishes what changed since the cursors. */
    @Scheduled(fixedDelayString = "${minyi.feed.interval:PT1S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "department-feed", lockAtLeastFor = "${minyi.feed.interval:PT1S}")
    void publishScheduled() {
        publish();
    }

    /** Publishes what changed since the cursors; returns how many changes it published. */
    public int publish() {
        long cursor = cursor();
        Instant settled = clock.instant().minus(InboxQueries.SETTLE);
        Map<String, Long> behind = behind();
        int sent = catchUp(behind, cursor, settled);
        List<InboxEntry> changed = queries.changes(null, cursor, settled, BATCH);
        for (InboxEntry e : changed) {
            String department = e.item().department();
            if (!behind.containsKey(department)) {
                if (send(e)) {
                    sent++;
                } else {
                    behind.put(department, e.seq() - 1);
                    hold(department, e.seq() - 1);
                }
            }
            cursor = e.seq();
        }
        saveCursor(cursor);
        return sent;
    }

    /**
     * Each department held back sends its changes from its own cursor up to the shared one (later ones wait
     * for it to catch up); one that reaches the shared cursor rejoins the walk.
     */
    private int catchUp(Map<String, Long> behind, long cursor, Instant settled) {
        int sent = 0;
        for (var held : Map.copyOf(behind).entrySet()) {
            long at = held.getValue();
            boolean failed = false;
            for (InboxEntry e : queries.changes(held.getKey(), at, settled, BATCH)) {
                if (e.seq() > cursor) {
                    break;
                }
                if (!send(e)) {
                    failed = true;
                    break;
                }
                sent++;
                at = e.seq();
            }
            if (!failed && queries.changes(held.getKey(), at, settled, 1).stream().noneMatch(e -> e.seq() <= cursor)) {
                mongo.remove(Query.query(Criteria.where("_id").is(held.getKey())), BEHIND);
                behind.remove(held.getKey());
            } else if (at != held.getValue()) {
                hold(held.getKey(), at);
                behind.put(held.getKey(), at);
            }
        }
        return sent;
    }

    private boolean send(InboxEntry e) {
        String department = e.item().department();
        try {
            ensureTopic(department);
            var record = new ProducerRecord<>(topic(department), null, e.item().reportId(),
                    JSON.writeValueAsBytes(ItemView.of(e, accounts::name)), CloudEventsKafka.headers(e.item().id() + "@"
                    + e.seq(), TYPE, "/minyi/feedback-service", e.item().reportId(),
                    e.changedAt() == null ? clock.instant() : e.changedAt()));
            kafka.send(record).get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception ex) {
            log.warn("Department feed of {} held at change {}: {}", department, e.seq(), ex.toString());
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Creates the department's topic unless it exists (as it stands: an operator may have changed it). */
    private void ensureTopic(String department) throws Exception {
        if (created.contains(department)) {
            return;
        }
        NewTopic topic = TopicBuilder.name(topic(department)).partitions(partitions).replicas(replicas).build();
        try (Admin client = Admin.create(admin.getConfigurationProperties())) {
            client.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        created.add(department);
    }

    private Map<String, Long> behind() {
        Map<String, Long> held = new HashMap<>();
        for (Document d : mongo.findAll(Document.class, BEHIND)) {
            held.put(d.getString("_id"), ((Number) d.get("after")).longValue());
        }
        return held;
    }

    private void hold(String department, long after) {
        mongo.upsert(Query.query(Criteria.where("_id").is(department)), new Update().set("after", after)
                .set("since", java.util.Date.from(clock.instant())), BEHIND);
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
