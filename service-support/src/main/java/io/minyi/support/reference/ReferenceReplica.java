package io.minyi.support.reference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.contracts.reference.ReferenceCodec;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.support.messaging.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This service's copy of the reference data, built from the reference events only: every instance
 * reads the compacted topic from its beginning (a consumer group of its own), keeps each entry's newest
 * revision in memory and in the service's own collection {@value #COLLECTION} (so names are there at
 * once after a restart, before the topic is read again). Redelivered or older revisions change nothing.
 */
public class ReferenceReplica {

    public static final String COLLECTION = "reference_replica";
    private static final Logger log = LoggerFactory.getLogger(ReferenceReplica.class);

    private final MongoTemplate mongo;
    private final ObjectProvider<ReferenceChangeHandler> handlers;
    private final Map<String, ReferenceChanged> entries = new ConcurrentHashMap<>();
    private final Map<Integer, CalendarChanged> calendar = new ConcurrentHashMap<>();
    private final AtomicLong applied = new AtomicLong();

    /** Starts with what an earlier run stored, so names are there before the topic is read again. */
    public ReferenceReplica(MongoTemplate mongo, ObjectProvider<ReferenceChangeHandler> handlers, MeterRegistry meters) {
        this.mongo = mongo;
        this.handlers = handlers;
        Gauge.builder("minyi.reference.entries", entries, Map::size).register(meters);
        mongo.findAll(Document.class, COLLECTION).forEach(d -> remember(ReferenceCodec.fromJson(
                d.getString("json").getBytes(StandardCharsets.UTF_8))));
    }

    @KafkaListener(topics = ReferenceEvent.TOPIC, groupId = "${spring.application.name}.reference.${random.uuid}",
            properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
    public void on(ConsumerRecord<String, byte[]> record) {
        ReferenceEvent event;
        try {
            event = ReferenceCodec.fromJson(record.value());
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a reference event at " + record.topic() + "@" + record.offset(), e);
        }
        apply(event);
    }

    /** Keeps the change if it is newer than what this service holds; tells the handlers when it was new here. */
    public void apply(ReferenceEvent event) {
        remember(event);
        handlers.orderedStream().forEach(h -> h.takenIn(event));
        if (store(event)) {
            handlers.orderedStream().forEach(h -> {
                try {
                    h.changed(event);
                } catch (RuntimeException e) {
                    log.error("Handling reference change {} failed: {}", event.key(), e.toString(), e);
                }
            });
        }
        applied.incrementAndGet();
    }

    /** How many changes this instance has applied, handlers included (redeliveries count too). */
    public long applied() {
        return applied.get();
    }

    /** True when this call stored the revision (no instance of the service had it yet). */
    private boolean store(ReferenceEvent event) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(event.key()).and("revision").lt(event.revision()));
        Update update = new Update().set("revision", event.revision())
                .set("json", new String(ReferenceCodec.toJson(event), StandardCharsets.UTF_8));
        try {
            UpdateResult result = mongo.upsert(olderOrMissing, update, COLLECTION);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            return false; // this revision or a newer one is stored already
        }
    }

    private void remember(ReferenceEvent event) {
        if (event instanceof ReferenceChanged e) {
            entries.merge(e.key(), e, (old, neu) -> neu.revision() > old.revision() ? neu : old);
        } else if (event instanceof CalendarChanged c) {
            calendar.merge(c.year(), c, (old, neu) -> neu.revision() > old.revision() ? neu : old);
        }
    }

    /** The revision this instance holds of an entry or calendar year ({@link ReferenceEvent#key()}); 0 if none. */
    public long revision(String key) {
        ReferenceEvent held = key.startsWith("calendar:") ? calendar.get(Integer.valueOf(key.substring(9)))
                : entries.get(key);
        return held == null ? 0 : held.revision();
    }

    public Optional<ReferenceChanged> entry(String list, String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(entries.get(list + ":" + code));
    }

    /** The entry's name, retired entries included; empty for a code never published. */
    public Optional<String> name(String list, String code) {
        return entry(list, code).map(ReferenceChanged::name);
    }

    public Optional<ReferenceChanged> department(String code) {
        return entry("departments", code);
    }

    /** The calendar years entered, by year. */
    public Map<Integer, CalendarChanged> calendarYears() {
        return new TreeMap<>(calendar);
    }
}
