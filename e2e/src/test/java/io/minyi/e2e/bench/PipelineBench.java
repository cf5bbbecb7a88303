package io.minyi.e2e.bench;

import com.mongodb.client.MongoClients;
import io.minyi.e2e.BenchPlatform;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline measured the way an operator judges it, on the whole local platform (the README's
 * {@code ./minyi start}): intake throughput and latency through the gateway with real JWTs (open
 * loop, HdrHistogram), freshness (submitted → in the stats summary) under background load, full
 * lifecycles per second, resident memory at rest and under load, and the raw Kafka producer and
 * MongoDB stand-in insert ceilings in the same run. Prints a table, writes pipeline.md and .json.
 * Usage: PipelineBench <results-dir> [seconds-at-1000/s]
 */
public final class PipelineBench {

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Map<String, Object> json = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder();
        try (BenchPlatform platform = BenchPlatform.start()) {
            List<String> authors = new ArrayList<>();
            for (String user : List.of("member-city", "member-district", "member-street", "officer-city", "officer-district",
                    "officer-street")) {
                authors.add(platform.token(user));
            }
            OpenLoad load = new OpenLoad(platform.gateway(), authors);
            load.run(100, Duration.ofSeconds(10), "warm-" + System.nanoTime()); // JIT, pools, indexes
            Map<String, Long> atRest = platform.residentMiB();

            OpenLoad.Result at500 = load.run(500, Duration.ofSeconds(30), "r500-" + System.nanoTime());
            var underLoad = new java.util.concurrent.atomic.AtomicReference<Map<String, Long>>();
            Thread sampler = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 500L);
                    underLoad.set(platform.residentMiB());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sampler.start();
            OpenLoad.Result at1000 = load.run(1000, Duration.ofSeconds(seconds), "r1000-" + System.nanoTime());
            sampler.join();

            Freshness.Result fresh = new Freshness(platform, load).run(200, Duration.ofSeconds(40));
            Lifecycles.Result lives = new Lifecycles(platform).run(at500.ids().subList(0, Math.min(300, at500.ids().size())));
            double kafka = kafkaCeiling(platform.kafka());
            double mongo = mongoCeiling(platform.mongo());

            md.append("# Pipeline benchmark\n\n").append(Machine.describe()).append("\n\n");
            md.append("| measure | result | target |\n|---|---|---|\n");
            row(md, json, "intake at 500/s offered: accepted/s", String.format("%.0f", at500.acceptedPerSecond()), "500");
            row(md, json, "intake at 500/s: p50 / p99 / max ms", ms(at500.latency()), "p99 < 100 ms");
            row(md, json, "intake at 1000/s offered for " + seconds + " s: accepted/s", String.format("%.0f (failed %d)",
                    at1000.acceptedPerSecond(), at1000.failed()), "≥ 1,000");
            row(md, json, "intake at 1000/s: p50 / p99 / max ms", ms(at1000.latency()), "");
            row(md, json, "freshness at 200/s: submit → in the stats summary, p50 / p99 / max ms", ms(fresh.latency())
                    + " (" + fresh.latency().getTotalCount() + " samples)", "p99 < 1,000 ms");
            row(md, json, "full lifecycles (submitted → closed) per second", String.format("%.1f (%d reports, %d threads)",
                    lives.perSecond(), lives.reports(), lives.threads()), "");
            row(md, json, "resident memory at rest (MiB)", memory(atRest), "total ≤ 2,048 without Keycloak");
            row(md, json, "resident memory under 1000/s (MiB)", memory(underLoad.get()), "total ≤ 2,048 without Keycloak");
            row(md, json, "ceiling: raw Kafka producer, 1 KB records/s", String.format("%.0f", kafka), "");
            row(md, json, "ceiling: raw MongoDB stand-in insertMany, docs/s", String.format("%.0f", mongo), "");
            row(md, json, "pipeline efficiency: accepted reports/s ÷ raw stand-in docs/s",
                    String.format("%.3f", at1000.acceptedPerSecond() / mongo), "");
        }
        System.out.print(md);
        Files.createDirectories(results);
        Files.writeString(results.resolve("pipeline.md"), md);
        Files.writeString(results.resolve("pipeline.json"), new tools.jackson.databind.json.JsonMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    private static void row(StringBuilder md, Map<String, Object> json, String measure, String result, String target) {
        md.append("| ").append(measure).append(" | ").append(result).append(" | ").append(target).append(" |\n");
        json.put(measure, result);
    }

    static String ms(Histogram h) {
        return String.format("%.1f / %.1f / %.1f", h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6);
    }

    private static String memory(Map<String, Long> rss) {
        long withoutKeycloak = rss.entrySet().stream().filter(e -> !e.getKey().equals("keycloak"))
                .mapToLong(Map.Entry::getValue).sum();
        return rss.toString().replace("{", "").replace("}", "").replace("=", " ") + "; total without Keycloak "
                + withoutKeycloak;
    }

    private static double kafkaCeiling(String bootstrap) {
        var props = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
        byte[] value = new byte[1024];
        int n = 200_000;
        try (var producer = new KafkaProducer<byte[], byte[]>(props)) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                producer.send(new ProducerRecord<>("minyi.bench.ceiling", ("k" + i).getBytes(), value));
            }
            producer.flush();
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double mongoCeiling(String uri) {
        try (var client = MongoClients.create(uri)) {
            var collection = client.getDatabase("minyi-bench").getCollection("ceiling");
            collection.drop();
            int n = 100_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i += 1000) {
                List<Document> batch = new ArrayList<>(1000);
                for (int j = 0; j < 1000; j++) {
                    batch.add(new Document("_id", "d" + (i + j)).append("title", "压测文档").append("n", i + j));
                }
                collection.insertMany(batch);
            }
            double perSecond = n / ((System.nanoTime() - start) / 1e9);
            collection.drop();
            return perSecond;
        }
    }
}
