package io.minyi.e2e.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.minyi.e2e.BenchPlatform;
import org.HdrHistogram.Histogram;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Notice delivery on the whole local platform (the README's {@code ./minyi start}, real SMTP to the local
 * mail server): 50 reports assigned to one department, 3,000 催办 notices to warm up, then 催办 through the
 * gateway — steady at 20 notices
 * a second for 30 s, then a burst of 500 at once. For each notice, the time from its event (the 催办, as
 * routing stamped it) to the mail server accepting its mail (as feedback recorded it), p50 / p99 / max;
 * notices per second in the burst; feedback's CPU per notice. Prints a table, writes notices.md and .json.
 * Usage: NoticeBench <results-dir>
 */
public final class NoticeBench {

    private static final int REPORTS = 50;

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        Map<String, Object> json = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("\n| measure | result |\n|---|---|\n");
        try (BenchPlatform platform = BenchPlatform.start();
             var client = MongoClients.create(platform.mongo())) {
            MongoCollection<Document> notices = client.getDatabase("minyi-feedback-service").getCollection("notifications");
            String code = "bench-" + UUID.randomUUID().toString().substring(0, 6);
            String admin = platform.token("admin");
            check(platform.put(admin, "/api/departments/" + code, "{\"name\":\"海口市龙华区压测局\",\"shortName\":\"压测局\","
                    + "\"org\":\"haikou/longhua\",\"kind\":\"party-government\",\"email\":\"" + code
                    + "@longhua.example.gov.cn\",\"active\":true}"), "department");
            List<String> ids = assigned(platform, code);
            String editor = platform.token("editor-district");
            waitDelivered(notices, code, REPORTS);
            // warm-up: 3,000 notices through the whole path first (on two cores, with eight JVMs, the JIT needs
            // thousands of notices before the figures settle)
            for (int w = 0; w < 60; w++) {
                urge(platform, editor, ids, "warm-up " + w);
                if (w % 10 == 9) {
                    waitDelivered(notices, code, REPORTS + (w + 1) * 50);
                }
            }

            // steady: a batch of 20 催办 every second for 30 s
            Map<String, Double> cpu0 = platform.cpuSeconds();
            List<String> twenty = ids.subList(0, 20);
            long next = System.nanoTime();
            for (int s = 0; s < 30; s++) {
                urge(platform, editor, twenty, "steady " + s);
                next += 1_000_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            waitDelivered(notices, code, REPORTS + 3600);
            Map<String, Double> cpuSteady = platform.cpuSeconds();
            double steadyCpu = feedbackCpu(cpuSteady, cpu0);
            Delivery steady = delivery(notices, code, "steady ");

            // burst: 10 batches of 50 back to back
            Map<String, Double> cpu1 = platform.cpuSeconds();
            for (int b = 0; b < 10; b++) {
                urge(platform, editor, ids, "burst " + b);
            }
            waitDelivered(notices, code, REPORTS + 4100);
            Map<String, Double> cpuBurst = platform.cpuSeconds();
            double burstCpu = feedbackCpu(cpuBurst, cpu1);
            Delivery burst = delivery(notices, code, "burst ");

            row(md, json, "steady 20 notices/s for 30 s: event → mail accepted, p50 / p99 / max ms",
                    PipelineBench.ms(steady.latency()) + " (" + steady.latency().getTotalCount() + " notices)");
            row(md, json, "steady: feedback CPU per notice (ms)", String.format("%.2f", steadyCpu * 1000 / 600));
            row(md, json, "burst of 500: notices delivered per second (first event → last mail)",
                    String.format("%.0f", burst.perSecond()));
            row(md, json, "burst: event → mail accepted, p50 / p99 / max ms", PipelineBench.ms(burst.latency()));
            row(md, json, "burst: feedback CPU per notice (ms)", String.format("%.2f", burstCpu * 1000 / 500));
            row(md, json, "burst: CPU per notice by process (ms)", perNotice(cpuBurst, cpu1, 500));
        }
        System.out.print(md);
        Files.createDirectories(results);
        Files.writeString(results.resolve("notices.md"), "# Notice delivery (bench/notices.sh)\n" + md);
        Files.writeString(results.resolve("notices.json"), new tools.jackson.databind.json.JsonMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }

    record Delivery(Histogram latency, double perSecond) {
    }

    private static List<String> assigned(BenchPlatform platform, String code) throws Exception {
        String member = platform.token("member-district");
        String editor = platform.token("editor-district");
        String leader = platform.token("leader-district");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            String id = platform.postForBody(member, "/api/reports", "{\"title\":\"压测：背街小巷照明不足 " + i
                    + "\",\"topic\":\"transport\",\"body\":\"群众反映背街小巷夜间照明不足，存在安全隐患，建议增设路灯。\"}")
                    .get("id").asString();
            long until = System.currentTimeMillis() + 30_000;
            while (platform.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"start-editing\"}") / 100 != 2) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("routing never got " + id);
                }
                Thread.sleep(50);
            }
            check(platform.post(leader, "/api/reports/" + id + "/transitions", "{\"action\":\"sign-off\"}"), "sign-off");
            until = System.currentTimeMillis() + 30_000;
            while (platform.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"assign\",\"department\":\""
                    + code + "\"}") / 100 != 2) {
                if (System.currentTimeMillis() > until) {
                    throw new IllegalStateException("could not assign " + id);
                }
                Thread.sleep(100);
            }
            ids.add(id);
        }
        return ids;
    }

    private static void urge(BenchPlatform platform, String editor, List<String> ids, String note) throws Exception {
        check(platform.post(editor, "/api/supervision/urge", "{\"reportIds\":[" + ids.stream().map(i -> "\"" + i + "\"")
                .collect(Collectors.joining(",")) + "],\"note\":\"" + note + "\"}"), "urge");
    }

    /** Waits until {@code count} notices of the department have been mailed. */
    private static void waitDelivered(MongoCollection<Document> notices, String code, int count) throws Exception {
        long until = System.currentTimeMillis() + 300_000;
        while (notices.countDocuments(new Document("recipient", "d:" + code).append("sent.channel", "email")) < count) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("notices not delivered in 5 min");
            }
            Thread.sleep(200);
        }
    }

    /** Event → mail accepted of the 催办 notices whose text has {@code note}, and their rate, first event to last mail. */
    private static Delivery delivery(MongoCollection<Document> notices, String code, String note) {
        Histogram h = new Histogram(3_600_000_000_000L, 3);
        long first = Long.MAX_VALUE;
        long last = 0;
        for (Document d : notices.find(new Document("recipient", "d:" + code).append("kind", "urged")
                .append("text", new Document("$regex", note)))) {
            long at = d.getDate("at").getTime();
            Document sent = d.getList("sent", Document.class).stream().filter(x -> "email".equals(x.getString("channel")))
                    .findFirst().orElseThrow();
            long mailed = sent.getDate("at").getTime();
            h.recordValue(Math.max(0, mailed - at) * 1_000_000);
            first = Math.min(first, at);
            last = Math.max(last, mailed);
        }
        return new Delivery(h, h.getTotalCount() / Math.max(0.001, (last - first) / 1000.0));
    }

    private static String perNotice(Map<String, Double> after, Map<String, Double> before, int notices) {
        StringBuilder b = new StringBuilder();
        after.forEach((part, s) -> {
            double ms = (s - before.getOrDefault(part, 0.0)) * 1000 / notices;
            if (ms >= 0.05) {
                b.append(b.isEmpty() ? "" : ", ").append(part).append(' ').append(String.format("%.1f", ms));
            }
        });
        return b.toString();
    }

    private static double feedbackCpu(Map<String, Double> after, Map<String, Double> before) {
        return after.getOrDefault("feedback-service", 0.0) - before.getOrDefault("feedback-service", 0.0);
    }

    private static void check(int status, String what) {
        if (status / 100 != 2) {
            throw new IllegalStateException(what + " failed: " + status);
        }
    }

    private static void row(StringBuilder md, Map<String, Object> json, String measure, String result) {
        md.append("| ").append(measure).append(" | ").append(result).append(" |\n");
        json.put(measure, result);
    }
}
