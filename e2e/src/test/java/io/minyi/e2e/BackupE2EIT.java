package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The restore drill, last of all: {@code ./minyi backup} takes the platform's data (store, Keycloak, Kafka with
 * its offsets); a report filed afterwards is lost again by {@code ./minyi restore}, and every figure, report,
 * workflow state and sign-in is as it was at the backup. Figures in {@code e2e/target/backup.md}.
 */
@Order(9)
class BackupE2EIT extends OnPlatform {

    static final String BODY = "haikou/longhua";

    @Test
    void aBackupRestoredBringsBackEveryFigureAndReportAsTheyWere() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(PlatformContainers.kafkaIsContainer(),
                "./minyi backup copies the local stores; containers are backed up with mongodump (deploy/BACKUP.md)");
        String editor = api.token("editor-district");
        String member = api.token("member-district");
        String kept = api.post(member, "/api/reports", "{\"title\":\"备份前：路口信号灯配时不合理\","
                + "\"body\":\"早高峰路口信号灯配时不合理，排队过长。建议优化配时。\"}").body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(editor, "/api/reports/" + kept + "/workflow").status() == 200);
        ConsumerLag.awaitZero(stack.kafka(), Duration.ofMinutes(2));
        Map<String, String> before = snapshot(editor, member, kept);

        Path file = Path.of("target", "backup", "minyi-drill.tar.gz").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        long started = System.nanoTime();
        stack.minyi("backup", file.toString());
        double backupSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(file).exists();

        // a change after the backup, which the restore takes back
        String lost = api.post(api.token("member-district"), "/api/reports", "{\"title\":\"备份后：将被恢复撤销的信息\","
                + "\"body\":\"这篇信息在备份之后提交。\"}").body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(api.token("editor-district"), "/api/reports/" + lost + "/workflow").status() == 200);

        started = System.nanoTime();
        stack.minyi("restore", file.toString());
        double restoreSeconds = (System.nanoTime() - started) / 1e9;
        String editorAfter = api.token("editor-district");
        String memberAfter = api.token("member-district");
        await().atMost(Duration.ofMinutes(2)).until(() ->
                api.get(editorAfter, "/api/stats/summary?period=all&org=" + BODY).status() == 200);
        ConsumerLag.awaitZero(stack.kafka(), Duration.ofMinutes(3));
        Map<String, String> after = snapshot(editorAfter, memberAfter, kept);

        assertThat(api.get(editorAfter, "/api/reports/" + lost).status()).as("filed after the backup: gone").isEqualTo(404);
        assertThat(after).as("every figure and report as at the backup").isEqualTo(before);
        Files.writeString(Path.of("target", "backup.md"), "| step | seconds |\n|---|---|\n| backup (stop, copy "
                + Files.size(file) / 1024 + " KB, start) | " + Math.round(backupSeconds) + " |\n| restore (stop, "
                + "replace, start) | " + Math.round(restoreSeconds) + " |\n| figures and reports compared | " + before.size()
                + ", all equal |\n");
    }

    /** What must come back: the body's figures, the member's list, one report's view, workflow and timeline. */
    private static Map<String, String> snapshot(String editor, String member, String report) throws Exception {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String path : List.of("/api/stats/summary?period=all&org=" + BODY, "/api/stats/breakdown?by=topic&period=all&org=" + BODY,
                "/api/reports/" + report, "/api/reports/" + report + "/workflow", "/api/reports/" + report + "/timeline")) {
            JsonNode body = api.get(editor, path).body();
            seen.put(path, body.toString());
        }
        seen.put("member's reports", api.get(member, "/api/reports?scope=mine&size=100").body().path("total").toString());
        return seen;
    }
}
