package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member's whole journey on a phone (390 × 844, touch) in headless Chromium: write → submit (without a
 * network: kept on the device, sent once it is back) → status → outcome → rating (`phone.js`), the office
 * and the department doing their part through the gateway in between.
 */
@Order(3)
class PhoneE2EIT extends OnPlatform {

    @Test
    void aMemberOnAPhoneWritesOfflineSeesTheOutcomeAndRatesIt() throws Exception {
        String title = "手机：公交站台缺少座椅 " + Long.toString(System.currentTimeMillis(), 36);
        var written = Api.JSON.readTree(stack.browser("phone.js", "write", "member-district", "Minyi-2026-demo", title));
        for (String width : new String[]{"360", "390", "414"}) {
            assertThat(written.get("widths").get(width).asInt()).as("no sideways scrolling at " + width + " px").isLessThanOrEqualTo(0);
        }
        var form = written.get("form");
        assertThat(form.get("fullscreen").asBoolean()).as("the form takes the phone's screen").isTrue();
        assertThat(form.get("width").asInt()).isEqualTo(form.get("screen").asInt());
        assertThat(form.get("overflow").asInt()).isLessThanOrEqualTo(0);
        assertThat(form.get("focusVisible").asBoolean()).as("the field typed in stays on screen").isTrue();
        assertThat(written.get("outbox").asString()).contains("有 1 篇信息保存在本设备").contains(title);
        assertThat(written.get("offlineReload").asString()).as("the app opens without a network").isEqualTo("民意 · 社情民意信息平台");
        assertThat(written.get("offlinePage").asString()).contains("当前没有网络");
        assertThat(written.get("card").asString()).contains(title).contains("已提交");
        assertThat(written.get("copies").asInt()).as("sent once").isEqualTo(1);
        assertThat(written.get("status").asString()).isEqualTo("已提交");
        assertThat(written.get("detailOverflow").asInt()).isLessThanOrEqualTo(0);

        // the office and the department do their part
        String id = written.get("reportId").asString();
        String editor = api.token("editor-district");
        String leader = api.token("leader-district");
        String handler = api.token("dept-longhua-housing");
        String transitions = "/api/reports/" + id + "/transitions";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200);
        assertThat(api.post(editor, transitions, "{\"action\":\"start-editing\"}").status()).isEqualTo(200);
        assertThat(api.post(leader, transitions, "{\"action\":\"sign-off\"}").status()).isEqualTo(200);
        assertThat(api.post(editor, transitions, "{\"action\":\"assign\",\"department\":\"longhua-housing\"}").status()).isEqualTo(200);
        // the item reaches the department's inbox within moments (its inbox may hold many others)
        await().atMost(Duration.ofSeconds(60)).until(() -> api.post(handler, "/api/inbox/" + id + "/accept", "{}").status() == 200);
        assertThat(api.post(handler, "/api/inbox/" + id + "/response", "{\"response\":\"已在客流较大的12个站台增设座椅。\","
                + "\"letterNo\":\"龙住建函〔2026〕31号\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "responded".equals(api.get(editor, "/api/reports/" + id + "/workflow").body().get("status").asString()));
        assertThat(api.post(editor, transitions, "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"district\"}")
                .status()).isEqualTo(200);
        assertThat(api.post(editor, transitions, "{\"action\":\"close\"}").status()).isEqualTo(200);
        String member = api.token("member-district");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "closed".equals(api.get(member, "/api/reports/" + id).body().get("status").asString()));

        var outcome = Api.JSON.readTree(stack.browser("phone.js", "outcome", "member-district", "Minyi-2026-demo", title));
        assertThat(outcome.get("card").asString()).contains("已办结");
        assertThat(outcome.get("outcome").get("tag").asString()).isEqualTo("采纳");
        assertThat(outcome.get("outcome").get("response").asString()).contains("增设座椅");
        assertThat(outcome.get("rated").asString()).isEqualTo("满意");
        assertThat(outcome.get("overflow").asInt()).isLessThanOrEqualTo(0);
        assertThat(api.get(member, "/api/reports/" + id + "/feedback").body().get("myRating").asString()).isEqualTo("satisfied");
        // the office prints the closed report: A4, 公文-style, its facts, answer and every step
        var printed = Api.JSON.readTree(stack.browser("print.js", "editor-district", "Minyi-2026-demo", id));
        assertThat(printed.get("title").asString()).isEqualTo(title);
        assertThat(printed.get("status").asString()).isEqualTo("已办结");
        assertThat(printed.get("department").asString()).isEqualTo("海口市龙华区住房和城乡建设局");
        assertThat(printed.get("response").asString()).contains("增设座椅");
        assertThat(printed.get("steps").asInt()).as("submitted … closed").isGreaterThanOrEqualTo(7);
        assertThat(printed.get("headerPrinted").asBoolean()).as("the app's header is not printed").isFalse();
        assertThat(printed.get("pdf").get("header").asString()).isEqualTo("%PDF-");
        assertThat(printed.get("pdf").get("pages").asInt()).isGreaterThanOrEqualTo(1);
        for (String screen : new String[]{"member-phone-write", "member-phone-offline", "member-phone-outcome", "report-print"}) {
            assertThat(stack.root().resolve("e2e/target/screenshots/" + screen + ".png")).exists();
        }
    }
}
