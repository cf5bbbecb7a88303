package io.minyi.stats.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minyi.contracts.Events;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.figures.Reports;
import io.minyi.stats.figures.domain.Range;
import io.minyi.stats.labels.Labels;
import io.minyi.stats.member.MemberRecords;
import io.minyi.stats.member.store.ScoringRules;
import io.minyi.stats.projection.Projector;
import io.minyi.stats.projection.messaging.Generations;
import io.minyi.stats.projection.store.CellQueries;
import io.minyi.stats.projection.store.CellStore;
import io.minyi.stats.projection.store.FactStore;
import io.minyi.support.messaging.CloudEventsKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The statistics benchmark: a real Kafka 4 broker and the MongoDB stand-in in this JVM, {@code reports}
 * report lives (about five events each) produced to the topic, the projection rebuilt from the topic's
 * beginning by the service's own projector (events/s), then dashboard queries over that history
 * (p50/p99/max), beside the raw Kafka producer and raw MongoDB stand-in insert rates on the same machine.
 * Prints a table and writes it as Markdown and JSON.
 */
public final class StatsBench {

    static final int PARTITIONS = 6;

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results");
        Files.createDirectories(out);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        results.put("reports", reports);
        if (System.getenv("BENCH_QUERIES_ONLY") != null) {
            queriesOnly(results, out);
            return;
        }

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Events.TOPIC);
        kafka.brokerProperty("log.retention.ms", "-1");
        kafka.afterPropertiesSet();
        MongoBackend backend = backend();
        MongoServer mongoServer = new MongoServer(backend);
        var address = mongoServer.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            results.put("rawKafkaProducer1KBPerSecond", rawProducer(kafka.getBrokersAsString()));
            results.put("rawMongoInsertManyDocsPerSecond", rawMongo(mongo));

            long t0 = System.nanoTime();
            long events = produce(kafka.getBrokersAsString(), reports);
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            results.put("eventsProduced", events);
            results.put("eventsProducedPerSecond", Math.round(events / produceSeconds));
            System.out.printf(Locale.ROOT, "produced %,d events of %,d reports in %.1f s%n", events, reports, produceSeconds);

            long t1 = System.nanoTime();
            long consumed = rebuild(kafka.getBrokersAsString(), mongo, events);
            double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
            results.put("rebuildEvents", consumed);
            results.put("rebuildSeconds", Math.round(rebuildSeconds * 10) / 10.0);
            results.put("rebuildEventsPerSecond", Math.round(consumed / rebuildSeconds));
            results.put("cellDocuments", mongo.getCollection(Generations.cells(1)).countDocuments());
            System.out.printf(Locale.ROOT, "rebuilt from %,d events in %.1f s: %,d events/s%n", consumed, rebuildSeconds,
                    Math.round(consumed / rebuildSeconds));

            results.put("queries", queries(mongo, results));
            results.put("heapUsedMB", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        } finally {
            mongoServer.shutdownNow();
            backend.close();
            kafka.destroy();
        }
        write(out, results, "stats");
    }

    /**
     * The stand-in's store: {@code BENCH_STORE=memory} keeps every document on the heap (fast, but a million
     * reports' facts and cells do not fit in 16 GB); the default {@code h2} keeps them in an H2 MVStore file
     * under {@code target/}, as the local platform's DevMongo does.
     */
    public static MongoBackend backend() throws IOException {
        if ("memory".equals(System.getenv("BENCH_STORE"))) {
            return new MemoryBackend();
        }
        Path file = Path.of("target", "bench-store", "stats-bench.mv");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        return new H2Backend(new MVStore.Builder().fileName(file.toString())
                .cacheSize(Integer.getInteger("bench.h2CacheMB", 4096))
                .autoCompactFillRate(0) // no background compaction: under this write load it lost chunks ("Chunk not found")
                .open());
    }

    static String store() {
        return "memory".equals(System.getenv("BENCH_STORE")) ? "memory backend" : "H2 MVStore file backend";
    }

    /**
     * {@code BENCH_QUERIES_ONLY=1}: the dashboard queries alone, over the H2 store an earlier run left in
     * {@code target/bench-store}, with how many report facts
     * and cells the store holds, so the history measured is stated exactly.
     */
    static void queriesOnly(Map<String, Object> results, Path out) throws Exception {
        Path file = Path.of("target", "bench-store", "stats-bench.mv");
        H2Backend backend = new H2Backend(new MVStore.Builder().fileName(file.toString())
                .cacheSize(Integer.getInteger("bench.h2CacheMB", 1024)).autoCompactFillRate(0).open());
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            long facts = mongo.getCollection(Generations.facts(1)).estimatedDocumentCount();
            long cells = mongo.getCollection(Generations.cells(1)).estimatedDocumentCount();
            System.out.printf(Locale.ROOT, "store: %,d report facts, %,d cells%n", facts, cells);
            results.put("reportFacts", facts);
            results.put("cellDocuments", cells);
            results.put("queries", queries(mongo, results));
        } finally {
            server.shutdownNow();
        }
        write(out, results, "stats-queries");
    }

    static Map<String, Object> queries(MongoTemplate mongo, Map<String, Object> results) throws Exception {
        CellQueries cells = new CellQueries(mongo, () -> 1, () -> PARTITIONS);
        // names as the service would have them from the reference topic (the generated city's codes name themselves)
        Reports reports = new Reports(cells, new Labels(new io.minyi.support.reference.ReferenceReplica(mongo,
                new org.springframework.beans.factory.support.DefaultListableBeanFactory()
                        .getBeanProvider(io.minyi.support.reference.ReferenceChangeHandler.class),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry())));
        MemberRecords members = new MemberRecords(cells, new ScoringRules(mongo));
        OrgPath city = OrgPath.of(HistoryGenerator.CITY);
        OrgPath district = OrgPath.of(HistoryGenerator.CITY + "/d1");
        LocalDate day = LocalDate.of(2026, 11, 24);
        Map<String, Callable<?>> q = new LinkedHashMap<>();
        q.put("summary: city, this year", () -> reports.summary(city, Range.of("year", day, 2024)));
        q.put("summary: city, all years", () -> reports.summary(city, Range.of("all", day, 2024)));
        q.put("summary: district, this month", () -> reports.summary(district, Range.of("month", day, 2024)));
        q.put("summary: city, custom 2025-03-15..2026-08-20", () -> reports.summary(city,
                Range.custom(LocalDate.of(2025, 3, 15), LocalDate.of(2026, 8, 20))));
        q.put("breakdown: city by topic, this year", () -> reports.breakdown(city, Range.of("year", day, 2024), "topic"));
        q.put("breakdown: city by sub-body, this year", () -> reports.breakdown(city, Range.of("year", day, 2024), "body"));
        q.put("breakdown: district by member, this year", () -> reports.breakdown(district, Range.of("year", day, 2024), "member"));
        q.put("trend: city by month, 2024-2026", () -> reports.trend(city, Range.of("all", day, 2024), "month"));
        q.put("trend: city by day, last 90 days", () -> reports.trend(city, Range.custom(day.minusDays(89), day), "day"));
        q.put("member record: one member, this year", () -> members.of(district, 2026, "u-m1", null));
        Map<String, Object> table = new LinkedHashMap<>();
        var answers = java.security.MessageDigest.getInstance("SHA-256");
        for (var e : q.entrySet()) {
            answers.update(String.valueOf(e.getValue().call()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        // the same history rebuilt any way (consumers, batch sizes, redeliveries) must give the same answers
        String digest = java.util.HexFormat.of().formatHex(answers.digest()).substring(0, 16);
        System.out.println("answers digest " + digest);
        results.put("answersDigest", digest);
        for (var e : q.entrySet()) {
            for (int i = 0; i < 100; i++) {
                e.getValue().call();
            }
            int n = 1000;
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                e.getValue().call();
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("p50ms", ms(nanos[n / 2]));
            row.put("p99ms", ms(nanos[n * 99 / 100]));
            row.put("maxms", ms(nanos[n - 1]));
            table.put(e.getKey(), row);
            System.out.printf(Locale.ROOT, "%-48s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", e.getKey(),
                    ms(nanos[n / 2]), ms(nanos[n * 99 / 100]), ms(nanos[n - 1]));
        }
        return table;
    }

    static long produce(String brokers, int reports) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(brokers))) {
            HistoryGenerator history = new HistoryGenerator(42, reports);
            // the topic holds events in order of receipt, as in production: a report's later steps come
            // days or weeks after its submission, between other reports' events (held here until due)
            java.util.PriorityQueue<Due> due = new java.util.PriorityQueue<>();
            long events = 0;
            long sequence = 0;
            for (int i = 0; i < reports; i++) {
                List<ReportEvent> life = history.next();
                java.time.Instant submitted = life.get(0).occurredAt();
                while (!due.isEmpty() && due.peek().event().occurredAt().isBefore(submitted)) {
                    producer.send(CloudEventsKafka.record(due.poll().event(), "bench"));
                    events++;
                }
                for (ReportEvent e : life) {
                    due.add(new Due(e, sequence++));
                }
            }
            while (!due.isEmpty()) {
                producer.send(CloudEventsKafka.record(due.poll().event(), "bench"));
                events++;
            }
            producer.flush();
            return events;
        }
    }

    /** An event waiting for its time; ties (one report's steps at the same instant) keep their order. */
    record Due(ReportEvent event, long sequence) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = event.occurredAt().compareTo(o.event.occurredAt());
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    static long rebuild(String brokers, MongoTemplate mongo, long expected) {
        Projector projector = new Projector(new FactStore(mongo, Generations.facts(1)),
                new CellStore(mongo, Generations.cells(1), CellStore.Fencing.OWNER), new Projector.BusinessMetrics(new SimpleMeterRegistry()));
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-rebuild");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(Generations.REBUILD_POLL_RECORDS));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(Generations.REBUILD_FETCH_BYTES));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(4 * Generations.REBUILD_FETCH_BYTES));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        long consumed = 0;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(Integer.getInteger("threads", 2));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Events.TOPIC));
            while (consumed < expected) {
                var records = consumer.poll(Duration.ofMillis(500));
                Map<Integer, List<Projector.Positioned>> byPartition = new TreeMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    byPartition.computeIfAbsent(r.partition(), x -> new ArrayList<>())
                            .add(new Projector.Positioned(r.offset(), CloudEventsKafka.decode(r)));
                }
                projector.projectAll(byPartition, pool);
                consumed += records.count();
                if (System.getenv("BENCH_VERBOSE") != null || consumed % 200_000 < records.count()) {
                    System.out.printf(Locale.ROOT, "  … %,d events projected%n", consumed);
                }
            }
        }
        pool.shutdown();
        return consumed;
    }

    static long rawProducer(String brokers) {
        byte[] value = new byte[1024];
        int n = 300_000;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps(brokers))) {
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>("bench-raw", "k" + (i % 1000), value));
            }
            producer.flush();
            return Math.round(n / ((System.nanoTime() - t) / 1e9));
        }
    }

    static long rawMongo(MongoTemplate mongo) {
        String filler = "x".repeat(900);
        int n = 200_000;
        var collection = mongo.getCollection("bench_raw");
        long t = System.nanoTime();
        for (int i = 0; i < n; i += 1000) {
            List<Document> docs = new ArrayList<>();
            for (int j = 0; j < 1000; j++) {
                docs.add(new Document("_id", "d" + (i + j)).append("v", filler));
            }
            collection.insertMany(docs);
        }
        long rate = Math.round(n / ((System.nanoTime() - t) / 1e9));
        collection.drop();
        return rate;
    }

    static Properties producerProps(String brokers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    public static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os.getAvailableProcessors() + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.version") + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB, Kafka 4.1.2 in-process (KRaft), mongo-java-server " + store();
    }

    @SuppressWarnings("unchecked")
    static void write(Path out, Map<String, Object> results, String name) throws IOException {
        StringBuilder json = new StringBuilder();
        toJson(json, results);
        Files.writeString(out.resolve(name + ".json"), json + "\n");
        StringBuilder md = new StringBuilder("# Statistics benchmark (`bench/stats.sh`)\n\n");
        md.append("Machine: ").append(results.get("machine")).append("\n\n| figure | value | target |\n|---|---|---|\n");
        row(md, "reports of history", results.get("reports"), "1,000,000");
        row(md, "events produced (rebuild input)", results.get("eventsProduced"), "");
        row(md, "rebuild, events/s (Kafka → projector → MongoDB stand-in, cell fencing OWNER)", results.get("rebuildEventsPerSecond"), "≥ 20,000");
        row(md, "rebuild time, s", results.get("rebuildSeconds"), "");
        if (results.containsKey("reportFacts")) {
            row(md, "report facts in the store queried", results.get("reportFacts"), "");
        }
        row(md, "cell documents after the rebuild", results.get("cellDocuments"), "");
        row(md, "digest of the dashboard answers (equal for equal histories, however rebuilt)", results.get("answersDigest"), "");
        row(md, "ceiling: raw Kafka producer, 1 KB records/s", results.get("rawKafkaProducer1KBPerSecond"), "");
        row(md, "ceiling: raw MongoDB stand-in insertMany, docs/s", results.get("rawMongoInsertManyDocsPerSecond"), "");
        md.append("\n| dashboard query (in the service, without HTTP) | p50 ms | p99 ms | max ms |\n|---|---|---|---|\n");
        ((Map<String, Map<String, Object>>) results.get("queries")).forEach((k, v) -> md.append("| ").append(k).append(" | ")
                .append(v.get("p50ms")).append(" | ").append(v.get("p99ms")).append(" | ").append(v.get("maxms")).append(" |\n"));
        md.append("\nTarget for dashboard queries: p99 < 50 ms with 1,000,000 reports of history.\n");
        Files.writeString(out.resolve(name + ".md"), md);
        System.out.println();
        System.out.println(md);
    }

    private static void row(StringBuilder md, String name, Object value, String target) {
        if (value == null) {
            return; // not measured in this run (BENCH_QUERIES_ONLY)
        }
        md.append("| ").append(name).append(" | ").append(value instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue())
                .replace(",", ",") : value).append(" | ").append(target).append(" |\n");
    }

    @SuppressWarnings("unchecked")
    private static void toJson(StringBuilder out, Object v) {
        if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (var e : ((Map<String, Object>) m).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append('"').append(e.getKey().replace("\"", "\\\"")).append("\":");
                toJson(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof Number) {
            out.append(v);
        } else {
            out.append('"').append(String.valueOf(v).replace("\"", "\\\"")).append('"');
        }
    }

    private StatsBench() {
    }
}
