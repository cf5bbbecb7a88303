package io.minyi.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minyi.support.messaging.CloudEventsKafka;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events waiting in the {@code outbox} array of a collection's documents, then removes
 * them from the outbox. Woken right after a write for low latency, and sweeping the collection
 * periodically so that events left behind by a crash or a broker outage are published later.
 * At-least-once: a crash between publish and removal publishes again; consumers de-duplicate.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String collection;
    private final String source;
    private final Duration sweepInterval;
    private final BlockingQueue<String> woken = new LinkedBlockingQueue<>();
    private final Counter published;
    private final Counter failed;
    private final Timer batchTimer;
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, String collection, String source,
                       Duration sweepInterval, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collection = collection;
        this.source = source;
        this.sweepInterval = sweepInterval;
        this.published = Counter.builder("minyi.outbox.published").tag("collection", collection).register(meters);
        this.failed = Counter.builder("minyi.outbox.failed").tag("collection", collection).register(meters);
        this.batchTimer = Timer.builder("minyi.outbox.batch").tag("collection", collection).register(meters);
    }

    /** The update that puts an event into a document's outbox, to combine with the state change. */
    public static Update enqueue(Update update, PendingEvent event) {
        return update.push("outbox", event.toDocument());
    }

    /** Call after a document with pending events was written. */
    public void wake(String documentId) {
        woken.add(documentId);
    }

    private void loop() {
        while (running) {
            try {
                String first = woken.poll(sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    sweep();
                } else {
                    Set<String> ids = new LinkedHashSet<>();
                    ids.add(first);
                    List<String> more = new ArrayList<>();
                    woken.drainTo(more, BATCH - 1);
                    ids.addAll(more);
                    relay(Query.query(Criteria.where("_id").in(ids)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay of {} failed, retrying on the next sweep: {}", collection, e.toString());
                sleepQuietly();
            }
        }
    }

    /** Publishes everything still pending in the collection; returns how many events were published. */
    public int sweep() {
        int total = 0;
        int n;
        do {
            n = relay(new Query(Criteria.where("outbox.0").exists(true)).limit(BATCH));
            total += n;
        } while (n > 0 && running);
        return total;
    }

    private int relay(Query query) {
        query.fields().include("outbox");
        List<Document> docs = mongo.find(query, Document.class, collection);
        if (docs.isEmpty()) {
            return 0;
        }
        return batchTimer.record(() -> publish(docs));
    }

    private int publish(List<Document> docs) {
        Map<Object, List<String>> sentByDoc = new LinkedHashMap<>();
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Document doc : docs) {
            List<Document> outbox = doc.getList("outbox", Document.class, List.of());
            List<String> sent = new ArrayList<>();
            sentByDoc.put(doc.get("_id"), sent);
            // a document's events go out one after the other: the next only once the broker has the previous, so a
            // failed send leaves it and every later event pending, and they go out again in their order
            CompletableFuture<Void> inOrder = CompletableFuture.completedFuture(null);
            for (Document pending : outbox) {
                PendingEvent event = PendingEvent.fromDocument(pending);
                inOrder = inOrder.thenCompose(previous -> kafka.send(CloudEventsKafka.record(event, source))
                        .thenRun(() -> {
                            synchronized (sent) {
                                sent.add(event.eventId());
                            }
                        }));
            }
            sends.add(inOrder);
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            failed.increment();
            log.warn("Publishing outbox events of {} failed; they stay pending: {}", collection, e.toString());
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int count = 0;
        for (var entry : sentByDoc.entrySet()) {
            List<String> sent = entry.getValue();
            synchronized (sent) {
                if (!sent.isEmpty()) {
                    bulk.updateOne(Query.query(Criteria.where("_id").is(entry.getKey())),
                            new Update().pull("outbox", new Document("eventId", new Document("$in", sent))));
                    count += sent.size();
                }
            }
        }
        if (count > 0) {
            bulk.execute();
            published.increment(count);
        }
        return count;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(sweepInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay-" + collection);
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
