package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 批量操作 through the gateway with real tokens: a hundred reports signed off, assigned, urged and exported
 * at once (each one's result, each one's audit entry, the time each took in {@code e2e/target/bulk.md}),
 * and the same in the browser as the leader and the clerk do it (`bulk.js`).
 */
@Order(3)
class BulkE2EIT extends OnPlatform {

    static final int MANY = 100;

    @Test
    void aHundredReportsAreSignedOffAssignedUrgedAndExportedAtOnceEachAuditedAndTimed() throws Exception {
        String member = api.token("member-district");
        String editor = api.token("editor-district");
        String leader = api.token("leader-district");
        String run = "批量" + Long.toString(System.currentTimeMillis(), 36);
        List<String> ids = editing(member, editor, run, MANY);
        String chosen = ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));

        Map<String, Long> millis = new LinkedHashMap<>();
        var signed = timed(millis, "签发 sign-off", () -> api.post(leader, "/api/bulk",
                "{\"action\":\"sign-off\",\"reportIds\":" + chosen + "}"));
        assertThat(signed.get("done").asInt()).isEqualTo(MANY);
        assertThat(api.post(editor, "/api/bulk", "{\"action\":\"sign-off\",\"reportIds\":" + chosen + "}").status())
                .as("an editor signs nothing off").isEqualTo(403);

        String assignees = ids.stream().map(id -> "\"" + id + "\":{\"department\":\"longhua-housing\"}")
                .collect(Collectors.joining(",", "{", "}"));
        var assigned = timed(millis, "交办 assign", () -> api.post(editor, "/api/bulk",
                "{\"action\":\"assign\",\"reportIds\":" + chosen + ",\"assignees\":" + assignees + "}"));
        assertThat(assigned.get("done").asInt()).isEqualTo(MANY);
        assertThat(assigned.get("items").get(0).get("statusLabel").asString()).isEqualTo("已交办");

        var urged = timed(millis, "催办 urge", () -> api.post(editor, "/api/bulk",
                "{\"action\":\"urge\",\"reportIds\":" + chosen + ",\"comment\":\"请于本周五前反馈办理进展\"}"));
        assertThat(urged.get("done").asInt()).isEqualTo(MANY);

        long start = System.nanoTime();
        var export = api.postDownload(editor, "/api/bulk/export", "{\"reportIds\":" + chosen + "}");
        millis.put("导出 export (CSV)", Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(export.statusCode()).isEqualTo(200);
        String csv = new String(export.body(), StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(l -> l.contains(run)).count()).isEqualTo(MANY);
        assertThat(api.postDownload(api.token("editor-meilan"), "/api/bulk/export", "{\"reportIds\":" + chosen + "}").body())
                .as("a sibling district exports none of them").asString(StandardCharsets.UTF_8).doesNotContain(run);

        // one audit entry per report and action
        String auditor = api.token("auditor");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var entries = api.get(auditor, "/api/audit?action=bulk-action&size=500").body().get("entries");
            long ours = 0;
            for (var e : entries) {
                if (ids.contains(e.get("event").get("subject").asString())) {
                    ours++;
                }
            }
            assertThat(ours).isEqualTo(3L * MANY);
        });
        write(millis);

        // the browser: the leader and the clerk, a few reports
        String batch = "浏览器" + run;
        editing(member, editor, batch, 3);
        var seen = Api.JSON.readTree(stack.browser("bulk.js", "editor-district", "leader-district", "Minyi-2026-demo",
                batch, "3"));
        assertThat(seen.get("chosen").asString()).isEqualTo("已选 3 篇");
        assertThat(seen.get("signedOff").asString()).contains("签发：共 3 篇，完成 3 篇，未完成 0 篇");
        assertThat(seen.get("focusOnResults").asString()).as("the keyboard lands on the results").isEqualTo("bulk-results");
        assertThat(seen.get("unassigned").asString()).contains("有 1 篇没有适用的交办规则");
        var assignedInBrowser = seen.get("assigned");
        assertThat(assignedInBrowser.get("summary").asString()).contains("完成 2 篇，未完成 1 篇");
        assertThat(assignedInBrowser.get("failed").get(0).asString()).contains(assignedInBrowser.get("left").asString())
                .contains("没有适用的交办规则");
        assertThat(seen.get("urged").asString()).contains("完成 2 篇");
        assertThat(seen.get("exported").get("bom").asBoolean()).isTrue();
        assertThat(seen.get("exported").get("header").asString()).startsWith("信息编号,标题,作者");
        assertThat(seen.get("exported").get("rows").asInt()).isEqualTo(2);
        for (String screen : new String[]{"leader-bulk-sign-off", "editor-bulk-assign", "editor-bulk-results"}) {
            assertThat(stack.root().resolve("e2e/target/screenshots/" + screen + ".png")).exists();
        }
    }

    /** {@code n} reports by the member, each opened for editing by the district's editor. */
    private List<String> editing(String member, String editor, String prefix, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var r = api.post(member, "/api/reports", "{\"title\":\"" + prefix + "-" + (i + 1) + " 背街小巷路灯损坏\","
                    + "\"body\":\"第 " + (i + 1) + " 处：背街小巷路灯长期损坏，夜间出行不便。建议尽快排查修复。\"}");
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.body().get("id").asString());
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200);
            assertThat(api.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"start-editing\"}").status())
                    .isEqualTo(200);
        }
        return ids;
    }

    private interface Call {
        Api.Reply call() throws Exception;
    }

    private static tools.jackson.databind.JsonNode timed(Map<String, Long> millis, String what, Call call)
            throws Exception {
        long start = System.nanoTime();
        var reply = call.call();
        millis.put(what, Duration.ofNanos(System.nanoTime() - start).toMillis());
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return reply.body();
    }

    private static void write(Map<String, Long> millis) throws Exception {
        StringBuilder md = new StringBuilder("# Bulk actions on " + MANY + " reports through the gateway\n\n"
                + "One request each, measured by the client (the whole platform on one machine, `./minyi start`).\n\n"
                + "| action | ms for " + MANY + " | ms per report |\n|---|---|---|\n");
        millis.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" | ")
                .append(String.format("%.1f", v / (double) MANY)).append(" |\n"));
        var target = stack.root().resolve("e2e/target/bulk.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, md);
    }
}
