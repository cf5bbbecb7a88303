package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten thousand generated malformed requests ({@link Malformed}) through the gateway with real tokens
 * of a member, an editor, a department and an admin: every answer is a 4xx, nothing is stored, every
 * service is still healthy. The counts by kind and status go to {@code target/security/fuzz.md}.
 */
@Order(4)
class FuzzE2EIT extends OnPlatform {

    static final int REQUESTS = Integer.getInteger("minyi.fuzz.requests", 10_000);
    static final long SEED = Long.getLong("minyi.fuzz.seed", 20261201L);


    @Test
    void malformedRequestsGetOnly4xxStoreNothingAndLeaveEveryServiceHealthy() throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (String user : List.of("member-district", "editor-district", "dept-longhua-housing", "admin")) {
            tokens.put(user, api.token(user));
        }
        String report = submitted(tokens.get("member-district"), "小区垃圾分类设施不足");
        String assigned = assignedToLonghuaHousing(tokens);
        String before = footprint(tokens, report, assigned);

        Malformed generator = new Malformed(SEED, report, assigned);
        List<Malformed.Request> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next());
        }
        Map<String, Map<Integer, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        var pool = Executors.newFixedThreadPool(8);
        long started = System.nanoTime();
        for (Malformed.Request r : requests) {
            pool.submit(() -> {
                int status;
                try {
                    status = api.raw(r.method(), stack.gateway() + r.path(), tokens.get(r.caller()), r.contentType(), r.body())
                            .status();
                } catch (Exception e) {
                    status = -1; // no answer at all
                }
                outcomes.computeIfAbsent(r.kind(), k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                if (status < 400 || status > 499) {
                    unexpected.add(status + " " + r.method() + " " + r.path() + " "
                            + (r.body() == null ? "" : new String(r.body(), 0, Math.min(200, r.body().length),
                            java.nio.charset.StandardCharsets.UTF_8)));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        write(outcomes, seconds);

        assertThat(unexpected).as("answers other than 4xx").isEmpty();
        assertThat(footprint(tokens, report, assigned)).as("nothing stored or changed").isEqualTo(before);
        for (String service : List.of("intake-service", "routing-service", "feedback-service", "stats-service")) {
            assertThat(api.raw("GET", stack.service(service) + "/actuator/health", null, null, null).body()
                    .get("status").asString()).as(service + " healthy").isEqualTo("UP");
        }
    }

    /** What the malformed requests could have changed, in one string to compare. */
    private static String footprint(Map<String, String> tokens, String report, String assigned) throws Exception {
        String member = tokens.get("member-district");
        return String.join(" | ",
                "reports " + api.get(member, "/api/reports?scope=mine&size=1").body().get("total"),
                "drafts " + api.get(member, "/api/drafts?size=1").body().get("total"),
                "attachments " + api.get(member, "/api/reports/" + report + "/attachments").body().size(),
                "version " + api.get(tokens.get("editor-district"), "/api/reports/" + report + "/workflow").body().get("version"),
                "topics " + api.get(tokens.get("admin"), "/api/reference/topics?retired=true").body().size(),
                "rules " + api.get(tokens.get("editor-district"), "/api/assignment-rules").body().size(),
                "item " + api.get(tokens.get("dept-longhua-housing"), "/api/inbox/" + assigned).body().get("seq"));
    }

    private static String submitted(String member, String title) throws Exception {
        var r = api.post(member, "/api/reports", "{\"title\":\"" + title + "\",\"body\":\"" + title + "，群众反映强烈。建议尽快解决。\"}");
        assertThat(r.status()).isEqualTo(201);
        String id = r.body().get("id").asString();
        String editor = api.token("editor-district");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200);
        return id;
    }

    private static String assignedToLonghuaHousing(Map<String, String> tokens) throws Exception {
        String id = submitted(tokens.get("member-district"), "背街小巷积水严重");
        String editor = tokens.get("editor-district");
        String path = "/api/reports/" + id + "/transitions";
        assertThat(api.post(editor, path, "{\"action\":\"start-editing\"}").status()).isEqualTo(200);
        assertThat(api.post(api.token("leader-district"), path, "{\"action\":\"sign-off\"}").status()).isEqualTo(200);
        assertThat(api.post(editor, path, "{\"action\":\"assign\",\"department\":\"longhua-housing\"}").status()).isEqualTo(200);
        String handler = tokens.get("dept-longhua-housing");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(handler, "/api/inbox/" + id).status() == 200);
        return id;
    }

    private static void write(Map<String, Map<Integer, AtomicInteger>> outcomes, double seconds) throws Exception {
        StringBuilder md = new StringBuilder("# Fuzzing: " + REQUESTS + " malformed requests (seed " + SEED + "), "
                + String.format("%.1f", seconds) + " s\n\n| kind | status: count |\n|---|---|\n");
        Map<Integer, Integer> total = new TreeMap<>();
        new TreeMap<>(outcomes).forEach((kind, byStatus) -> {
            md.append("| ").append(kind).append(" | ");
            new TreeMap<>(byStatus).forEach((status, n) -> {
                md.append(status).append(": ").append(n.get()).append(", ");
                total.merge(status, n.get(), Integer::sum);
            });
            md.setLength(md.length() - 2);
            md.append(" |\n");
        });
        md.append("| **all** | ").append(total.toString().replace("=", ": ").replace("{", "").replace("}", "")).append(" |\n");
        Path dir = Path.of("target/security");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("fuzz.md"), md);
        System.out.print(md);
    }
}
