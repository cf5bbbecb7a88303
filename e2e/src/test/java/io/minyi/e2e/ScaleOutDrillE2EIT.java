package io.minyi.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale-out drill ({@code MINYI_REPLICAS=2}: two instances of every service, two gateways behind nginx,
 * three Kafka brokers with replication 3 and {@code min.insync.replicas} 2, Keycloak on PostgreSQL). Under a
 * steady load — a member's client filing reports (retrying with the same Idempotency-Key), the office
 * taking each up, signing it off and assigning it to a department — one instance of each service, one
 * gateway and one broker are killed ({@code kill -9}) in turn, then one of each together, then everything
 * is restarted rolling. Afterwards: no accepted report lost, none counted twice, no e-mail sent twice, the
 * jobs run once per period across both replicas, and both intake instances' in-memory indexes (search and
 * similarity) answer alike. Figures go to {@code target/drill/drill.md}.
 */
class ScaleOutDrillE2EIT {

    static final String BODY = "haikou/longhua/jinyu";
    /**
     * {@code -Dminyi.drill=full}: also each kill in turn and the rolling restart of every service instance and
     * gateway (about twenty minutes more on two cores). CI runs the kills together and the brokers' rolling
     * restart (the together-kill restarts one instance of everything); {@code FaultE2EIT} kills each service
     * in turn on the single platform.
     */
    static final boolean FULL = "full".equals(System.getProperty("minyi.drill"));
    static final String PASSWORD = "Minyi-2026-demo";
    static final List<String> SERVICES = List.of("intake-service", "routing-service", "feedback-service",
            "stats-service", "gateway");

    static Stack stack;
    static Api api;

    @BeforeAll
    static void scaledOut() throws Exception {
        stack = new Stack("drill-home", 2);
        long t0 = System.nanoTime();
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        startSeconds = (System.nanoTime() - t0) / 1e9;
        api = new Api(stack);
    }

    @AfterAll
    static void down() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    static double startSeconds;

    @Test
    void killsAndARollingRestartLoseNothingCountNothingTwiceAndSendNoMailTwice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String department = "drill-" + run;
        String address = department + "@jinyu.example.gov.cn";
        DrillLoad.department(api, department, "金宇街道扩容演练承办单位" + run, address, BODY);
        String editor = api.token("editor-street");
        long receivedBefore = received(editor);

        // browsers keep their session on the gateway that signed them in (the ingress's route cookie)
        for (String user : List.of("leader-street", "editor-street", "member-street")) {
            assertThat(stack.browser("sign-in.js", user, PASSWORD)).contains("\"signedOut\":true");
        }

        DrillLoad load = new DrillLoad(stack, api, run, department);
        load.start();
        Thread.sleep(15_000);

        List<Fault> faults = new ArrayList<>();
        if (FULL) {
            for (String part : List.of("intake-service", "routing-service", "feedback-service", "stats-service", "gateway",
                    "kafka-2")) {
                faults.add(fault(load, "kill -9 " + part, () -> {
                    stack.kill(part);
                    Thread.sleep(5_000);
                    stack.start();
                }));
            }
        }
        List<String> together = List.of("intake-service-2", "routing-service-2", "feedback-service-2",
                "stats-service-2", "gateway-2", "kafka-3");
        faults.add(fault(load, "kill -9 together: " + String.join(", ", together), () -> {
            for (String part : together) {
                stack.kill(part);
            }
            Thread.sleep(5_000);
            stack.start();
        }));
        faults.add(fault(load, "rolling restart of the brokers, one at a time", () -> {
            for (String broker : List.of("kafka", "kafka-2", "kafka-3")) {
                stack.stop(broker);
                stack.start();
            }
        }));
        if (FULL) {
            faults.add(fault(load, "rolling restart of the services and gateways: first instances, then second ones", () -> {
                stack.stop(SERVICES.toArray(String[]::new));
                stack.start();
                stack.stop(SERVICES.stream().map(s -> s + "-2").toArray(String[]::new));
                stack.start();
            }));
        }
        Thread.sleep(10_000);
        load.stop();

        var accepted = load.accepted();
        assertThat(accepted).as("reports accepted under the faults").hasSizeGreaterThan(30);
        load.awaitAssigned(Duration.ofMinutes(6));
        ConsumerLag.awaitZero(stack.kafka(), Duration.ofMinutes(3));
        String office = api.token("editor-street"); // the first token has expired (15 min)

        // nothing lost: each accepted report in intake and in the workflow, assigned
        String member = api.token("member-street");
        long lost = accepted.stream().filter(id -> !Quietly.holds(() -> api.get(member, "/api/reports/" + id).status() == 200
                && api.get(office, "/api/reports/" + id + "/workflow").status() == 200)).count();
        // nothing counted twice: the statistics received each once
        await().atMost(Duration.ofMinutes(1)).until(() -> received(office) - receivedBefore >= accepted.size());
        long counted = received(office) - receivedBefore;
        // no mail twice: the office's 新报送 mail and the department's 新交办 mail, once per report
        Mailbox mail = new Mailbox(stack.imapPort());
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).until(() ->
                perNotice(mail.headers(address, address, "新交办")).size() >= accepted.size());
        Map<String, Long> departmentMails = perNotice(mail.headers(address, address, "新交办"));
        Map<String, Long> officeMails = perNotice(mail.headers("editor-street", PASSWORD, "新报送：《扩容演练" + run));
        long officeDoubled = officeMails.values().stream().filter(n -> n > 1).count();
        long departmentDoubled = departmentMails.values().stream().filter(n -> n > 1).count();

        Map<String, double[]> jobs = JobRuns.over(stack, Duration.ofSeconds(20),
                List.of("supervision-scan", "department-feed"));
        Map<String, String> indexes = IndexCheck.compare(stack, api, run, accepted);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("platform started (s)", Math.round(startSeconds));
        figures.put("submissions attempted", load.attempts());
        figures.put("failed attempts (retried) by answer", load.refusals());
        figures.put("accepted", accepted.size());
        figures.put("lost", lost);
        figures.put("counted (received)", counted);
        figures.put("counted twice", Math.max(0, counted - accepted.size()));
        figures.put("assigned", load.assigned().size());
        figures.put("office mails (新报送) / notices doubled", officeMails.size() + " / " + officeDoubled);
        figures.put("department mails (新交办) / notices doubled", departmentMails.size() + " / " + departmentDoubled);
        jobs.forEach((job, runs) -> figures.put("job " + job + " runs in 20 s (instance 1 + 2; skipped)",
                (long) runs[0] + " + " + (long) runs[1] + "; " + (long) runs[2]));
        indexes.forEach((k, v) -> figures.put("index " + k, v));
        write(faults, figures);

        assertThat(load.refusals().keySet()).as("a fault never shows the member a refusal (4xx) of a valid report")
                .noneMatch(answer -> answer.startsWith("4"));
        assertThat(lost).as("accepted reports lost").isZero();
        assertThat(counted).as("each accepted report counted exactly once").isEqualTo(accepted.size());
        assertThat(officeDoubled).as("office notices mailed twice").isZero();
        assertThat(departmentDoubled).as("department notices mailed twice").isZero();
        assertThat(departmentMails).as("a 新交办 mail per assigned report").hasSize(accepted.size());
        assertThat(officeMails).as("a 新报送 mail to the office per accepted report").hasSize(accepted.size());
        assertThat(jobs.get("supervision-scan")[0] + jobs.get("supervision-scan")[1])
                .as("the supervision scan (every 2 s) ran once per period across both routing instances").isBetween(5.0, 11.0);
        assertThat(jobs.get("department-feed")[0] + jobs.get("department-feed")[1])
                .as("the department feed (every 1 s) ran once per period across both feedback instances").isBetween(10.0, 21.0);
        assertThat(indexes.values()).as("both intake instances' indexes answer alike").allMatch(v -> v.startsWith("same"));
    }

    /** A fault under load: what the client saw from its start until 10 s after the platform was whole again. */
    private static Fault fault(DrillLoad load, String what, Step step) throws Exception {
        long start = System.currentTimeMillis();
        step.run();
        long recovered = System.currentTimeMillis();
        Thread.sleep(10_000);
        return new Fault(what, (recovered - start) / 1000.0, load.failedBetween(start, System.currentTimeMillis()),
                load.longestGapBetween(start, System.currentTimeMillis()) / 1000.0);
    }

    private interface Step {
        void run() throws Exception;
    }

    /** {@code whole}: seconds until every part was healthy again; {@code gap}: the longest wait between two accepted reports. */
    record Fault(String what, double whole, long failedAttempts, double gap) {
    }

    private static long received(String editor) throws Exception {
        return api.get(editor, "/api/stats/summary?period=all&org=" + BODY).body().get("received").asLong();
    }

    /** Notice id → distinct messages (Message-IDs) the mailbox holds for it. */
    private static Map<String, Long> perNotice(List<Mailbox.Header> headers) {
        return headers.stream().collect(Collectors.groupingBy(Mailbox.Header::notification,
                Collectors.mapping(Mailbox.Header::messageId, Collectors.collectingAndThen(Collectors.toSet(),
                        s -> (long) s.size()))));
    }

    private static void write(List<Fault> faults, Map<String, Object> figures) throws Exception {
        StringBuilder md = new StringBuilder("# Scale-out drill\n\n| fault | platform whole again after (s) | failed attempts "
                + "(retried) | longest wait between accepted reports (s) |\n|---|---|---|---|\n");
        faults.forEach(f -> md.append("| ").append(f.what()).append(" | ").append(f.whole()).append(" | ")
                .append(f.failedAttempts()).append(" | ").append(f.gap()).append(" |\n"));
        md.append("\n| figure | value |\n|---|---|\n");
        figures.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.createDirectories(Path.of("target/drill"));
        Files.writeString(Path.of("target/drill/drill.md"), md);
        System.out.print(md);
    }
}
