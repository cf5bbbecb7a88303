package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One report from submission to closed across the running platform: real Keycloak tokens, the
 * gateway, four services talking through a real Kafka broker, the MongoDB stand-in.
 */
@Order(1)
class ReportLifecycleE2EIT extends OnPlatform {



    @Test
    void aReportGoesFromSubmittedToClosedAndCountsInTheStatistics() throws Exception {
        String member = api.token("member-district");
        String editor = api.token("editor-district");
        String handler = api.token("dept-longhua-housing");
        String cityLeader = api.token("leader-city");
        String leader = api.token("leader-district");
        String siblingEditor = api.token("editor-meilan");

        var me = api.get(member, "/api/me");
        assertThat(me.body().get("org").asString()).isEqualTo("haikou/longhua");
        assertThat(me.body().get("roles").get(0).asString()).isEqualTo("member");

        var submitted = api.post(member, "/api/reports",
                "{\"title\":\"老旧小区加装电梯进展缓慢\",\"body\":\"龙华区多个老旧小区反映加装电梯审批环节多、周期长。建议简化审批。\"}");
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.body().get("id").asString();
        String workflow = "/api/reports/" + id + "/workflow";

        awaitStatus(editor, workflow, "submitted");
        // intake's other routes through the gateway: own list, reference data, attachments, similar reports
        assertThat(api.get(member, "/api/reports?scope=mine").body().get("items").toString()).contains(id);
        assertThat(api.get(member, "/api/reference").body().get("sectors").size()).isGreaterThan(10);
        byte[] pdf = "%PDF-1.4 现场照片说明".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var attached = api.upload(member, "/api/reports/" + id + "/attachments", "situation.pdf", pdf);
        assertThat(attached.status()).isEqualTo(201);
        assertThat(attached.body().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(api.get(editor, attached.body().get("href").asString()).status()).isEqualTo(200);
        assertThat(api.get(siblingEditor, attached.body().get("href").asString()).status()).isEqualTo(404);
        assertThat(api.get(editor, "/api/reports/" + id + "/similar").status()).isEqualTo(200);
        assertThat(api.get(siblingEditor, workflow).status()).as("a sibling body never sees it").isEqualTo(404);
        assertThat(api.post(member, "/api/reports/" + id + "/transitions", "{\"action\":\"start-editing\"}").status())
                .as("a member cannot edit").isEqualTo(403);

        assertThat(transition(editor, id, "{\"action\":\"start-editing\"}")).isEqualTo("editing");
        assertThat(transition(editor, id, "{\"action\":\"edit\",\"title\":\"关于简化老旧小区加装电梯审批的建议\"}"))
                .isEqualTo("editing");
        assertThat(api.get(editor, "/api/reports/" + id + "/revisions").body().size()).isEqualTo(2);
        assertThat(api.get(editor, "/api/reports/" + id + "/revisions/diff?from=1&to=2").status()).isEqualTo(200);
        assertThat(transition(leader, id, "{\"action\":\"sign-off\"}")).isEqualTo("signed-off");
        assertThat(transition(editor, id, "{\"action\":\"assign\",\"department\":\"longhua-housing\"}"))
                .isEqualTo("assigned");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(handler, "/api/inbox?state=assigned").body().toString().contains(id));
        assertThat(api.post(handler, "/api/inbox/" + id + "/accept", "{}").status()).isEqualTo(200);
        assertThat(api.post(handler, "/api/inbox/" + id + "/notes", "{\"text\":\"已完成现场调研\"}").status())
                .isEqualTo(200);
        var letter = api.upload(handler, "/api/inbox/" + id + "/files", "答复函.pdf", pdf);
        assertThat(letter.status()).isEqualTo(201);
        var answered = api.post(handler, "/api/inbox/" + id + "/response", "{\"response\":\"已出台加装电梯补贴办法。\","
                + "\"letterNo\":\"龙住建函〔2026〕8号\",\"promisedActions\":\"明年3月前完成全部审批\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body().get("attachments").get(0).get("name").asString()).isEqualTo("答复函.pdf");

        awaitStatus(editor, workflow, "responded");
        assertThat(transition(editor, id, "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"district\"}")).isEqualTo("adopted");
        assertThat(transition(editor, id, "{\"action\":\"close\"}")).isEqualTo("closed");
        awaitStatus(member, "/api/reports/" + id, "closed");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var summary = api.get(cityLeader, "/api/stats/summary?org=haikou/longhua").body();
            assertThat(summary.get("received").asLong()).isEqualTo(1);
            assertThat(summary.get("signedOff").asLong()).isEqualTo(1);
            assertThat(summary.get("assigned").asLong()).isEqualTo(1);
            assertThat(summary.get("responded").asLong()).isEqualTo(1);
            assertThat(summary.get("closed").asLong()).isEqualTo(1);
            assertThat(summary.get("adopted").asLong()).isEqualTo(1);
            assertThat(summary.get("adoptionRate").asDouble()).isEqualTo(1.0);
        });
        assertThat(api.get(siblingEditor, "/api/stats/summary?org=haikou/longhua").status()).isEqualTo(403);
        // the statistics' other views through the gateway: breakdowns, the member's record, exports, live
        var byDepartment = api.get(editor, "/api/stats/breakdown?by=department&period=all").body();
        assertThat(byDepartment.get("rows").get(0).get("key").asString()).isEqualTo("longhua-housing");
        assertThat(byDepartment.get("rows").get(0).get("respondedOnTime").asLong()).isEqualTo(1);
        var mine = api.get(member, "/api/stats/members/me").body();
        assertThat(mine.get("submitted").asLong()).isEqualTo(1);
        assertThat(mine.get("adoptedByLevel").get("district").asLong()).isEqualTo(1);
        assertThat(api.get(member, "/api/stats/summary").status()).as("members see only their own record").isEqualTo(403);
        var workbook = api.download(editor, "/api/stats/annual-report.xlsx");
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        assertThat(new String(workbook.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // 台账 through the gateway: the closed report with its department, letter number and outcome
        var ledger = api.download(editor, "/api/stats/ledger.xlsx?period=all&department=longhua-housing&state=closed");
        assertThat(ledger.statusCode()).isEqualTo(200);
        assertThat(Sheets.cells(ledger.body())).contains("信息编号", "答复函文号", id, "龙住建函〔2026〕8号", "采纳", "已办结");
        assertThat(api.download(siblingEditor, "/api/stats/ledger.xlsx?org=haikou/longhua").statusCode()).isEqualTo(403);
        assertThat(api.firstEvent(cityLeader, "/api/stats/live?org=haikou/longhua&period=all"))
                .contains("\"received\":1").contains("\"adopted\":1");
        var inbox = api.get(handler, "/api/inbox?state=closed").body().toString();
        assertThat(inbox).contains(id).contains("adopted");

        // the author is told, reads the answer and its letter, rates it and asks once to reopen it
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(member, "/api/notifications/unread-count").body().get("unread").asLong() > 0);
        assertThat(api.get(member, "/api/notifications").body().get("items").toString()).contains("信息已办结");
        var outcome = api.get(member, "/api/reports/" + id + "/feedback").body();
        assertThat(outcome.get("adoptionLevelLabel").asString()).isEqualTo("区级采纳");
        assertThat(outcome.get("letterNo").asString()).isEqualTo("龙住建函〔2026〕8号");
        String letterHref = "/api/reports/" + id + "/reply-files/" + letter.body().get("id").asString();
        assertThat(api.get(member, letterHref).status()).isEqualTo(200);
        assertThat(api.get(siblingEditor, letterHref).status()).isEqualTo(404);
        assertThat(api.get(siblingEditor, "/api/reports/" + id + "/feedback").status()).isEqualTo(404);
        assertThat(api.post(member, "/api/reports/" + id + "/rating", "{\"rating\":\"basically-satisfied\"}").status())
                .isEqualTo(200);
        // the office plans a 回头看 with what the department promised
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        var followUp = api.post(editor, "/api/reports/" + id + "/follow-up", "{\"date\":\"" + tomorrow + "\"}");
        assertThat(followUp.status()).isEqualTo(200);
        assertThat(followUp.body().get("promisedActions").asString()).isEqualTo("明年3月前完成全部审批");
        assertThat(api.post(member, "/api/reports/" + id + "/reopen", "{\"reason\":\"审批仍然很慢\"}").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(editor, "/api/reopen-requests").body().toString().contains(id));
        assertThat(transition(editor, id, "{\"action\":\"decide-reopen\",\"approved\":true,\"comment\":\"请说明进度\"}"))
                .isEqualTo("handling");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(handler, "/api/inbox/" + id).body().get("state").asString().equals("handling"));
        assertThat(api.get(handler, "/api/inbox/" + id).body().get("officeComment").asString()).isEqualTo("请说明进度");
    }

    @Test
    void aDepartmentsOwnSystemPollsItsInboxAndAnswersWithClientCredentials() throws Exception {
        String system = api.clientToken("dept-longhua-housing-system", "longhua-housing-dev-secret");
        String otherSystem = api.clientToken("dept-haikou-housing-system", "haikou-housing-dev-secret");
        String member = api.token("member-city");
        String editor = api.token("editor-city");
        String leader = api.token("leader-city");
        // the system starts from the end of its change feed, as it would after its first sync
        long cursor = api.get(system, "/api/inbox/changes?after=0&limit=100").body().get("next").asLong();

        String id = api.post(member, "/api/reports", "{\"title\":\"城中村消防通道被占用\","
                + "\"body\":\"全市部分城中村消防通道长期被车辆占用。建议开展专项整治。\"}").body().get("id").asString();
        awaitStatus(editor, "/api/reports/" + id + "/workflow", "submitted");
        transition(editor, id, "{\"action\":\"start-editing\"}");
        transition(leader, id, "{\"action\":\"sign-off\"}");
        transition(editor, id, "{\"action\":\"assign\",\"department\":\"longhua-housing\"}");

        // it polls "what is new since my cursor" until the assignment shows up
        long from = cursor;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get(system, "/api/inbox/changes?after=" + from).body().get("items").toString().contains(id));
        var changes = api.get(system, "/api/inbox/changes?after=" + from).body();
        assertThat(changes.get("next").asLong()).isGreaterThan(from);
        assertThat(api.get(otherSystem, "/api/inbox/" + id).status()).as("another department's system").isEqualTo(404);
        assertThat(api.post(system, "/api/reports/" + id + "/transitions", "{\"action\":\"close\"}").status())
                .as("a department's system cannot act as the office").isEqualTo(403);

        assertThat(api.post(system, "/api/inbox/" + id + "/accept", "").status()).isEqualTo(200);
        var answered = api.post(system, "/api/inbox/" + id + "/response",
                "{\"response\":\"已会同消防部门开展专项整治，清理占用车辆120辆。\",\"letterNo\":\"龙住建函〔2026〕21号\"}");
        assertThat(answered.status()).as(String.valueOf(answered.body())).isEqualTo(200);
        awaitStatus(editor, "/api/reports/" + id + "/workflow", "responded");
        var item = api.get(system, "/api/inbox/" + id).body();
        assertThat(item.get("state").asString()).isEqualTo("responded");
        assertThat(item.get("letterNo").asString()).isEqualTo("龙住建函〔2026〕21号");
    }

    @Test
    void aStationOfficerDraftsSubmitsAndWithdrawsAReport() throws Exception {
        String officer = api.token("officer-street");
        String editor = api.token("editor-street");
        // the city administrator maintains the reference lists through the gateway
        String admin = api.token("admin");
        assertThat(api.put(admin, "/api/reference/orgs/haikou/longhua/dingcheng", null, "{\"name\":\"定城镇活动组\"}")
                .status()).isEqualTo(200);
        assertThat(api.put(admin, "/api/reference/stations/haikou-dingcheng-01", null,
                "{\"name\":\"定城镇委员工作室\",\"org\":\"haikou/longhua/dingcheng\"}").status()).isEqualTo(200);
        assertThat(api.get(officer, "/api/reference/stations").body().toString()).contains("haikou-dingcheng-01");
        assertThat(api.put(officer, "/api/reference/topics/x", null, "{\"name\":\"x\"}").status()).isEqualTo(403);

        var draft = api.post(officer, "/api/drafts", "{\"title\":\"金宇街道积水点排查\"}");
        assertThat(draft.status()).isEqualTo(201);
        String id = draft.body().get("id").asString();
        var saved = api.put(officer, "/api/drafts/" + id, "\"1\"", "{\"title\":\"金宇街道积水点排查\","
                + "\"body\":\"雨季多处路口积水，群众出行不便。建议排查管网。\",\"channel\":\"visit\","
                + "\"constituents\":12,\"station\":\"haikou-longhua-jinyu-01\"}");
        assertThat(saved.status()).as(String.valueOf(saved.body())).isEqualTo(200);
        assertThat(api.put(officer, "/api/drafts/" + id, "\"1\"", "{\"title\":\"旧版\"}").status()).isEqualTo(412);
        var submitted = api.post(officer, "/api/drafts/" + id + "/submission", "");
        assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
        assertThat(api.get(officer, "/api/reports?scope=station").body().toString()).contains(id);

        awaitStatus(editor, "/api/reports/" + id + "/workflow", "submitted");
        var withdrawn = api.post(officer, "/api/reports/" + id + "/transitions",
                "{\"action\":\"withdraw\",\"comment\":\"补充管网资料后再报\"}");
        assertThat(withdrawn.status()).as(String.valueOf(withdrawn.body())).isEqualTo(200);
        awaitStatus(officer, "/api/reports/" + id, "withdrawn");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var summary = api.get(editor, "/api/stats/summary").body();
            assertThat(summary.get("withdrawn").asLong()).isEqualTo(1);
            assertThat(summary.get("received").asLong()).isEqualTo(0);
        });
    }

    @Test
    void aStreetReportGoesUpToTheDistrictIntoItsBulletinAndThroughADepartment() throws Exception {
        String member = api.token("member-haidian");
        String streetEditor = api.token("editor-haidian");
        String streetLeader = api.token("leader-haidian");
        String editor = api.token("editor-meilan");
        String leader = api.token("leader-meilan");
        String handler = api.token("dept-meilan-housing");
        String id = api.post(member, "/api/reports", "{\"title\":\"海甸岛渡口候船区缺少遮阳设施\","
                + "\"body\":\"海甸岛渡口候船区夏季暴晒，群众候船不便。建议加装遮阳棚。\"}").body().get("id").asString();
        String transitions = "/api/reports/" + id + "/transitions";
        awaitStatus(streetEditor, "/api/reports/" + id + "/workflow", "submitted");
        assertThat(transition(streetEditor, id, "{\"action\":\"start-editing\"}")).isEqualTo("editing");
        assertThat(transition(streetLeader, id, "{\"action\":\"sign-off\"}")).isEqualTo("signed-off");
        assertThat(transition(streetEditor, id, "{\"action\":\"forward-up\"}")).isEqualTo("forwarded-up");

        // the district office takes it from its queue, a district leader signs it off and instructs
        assertThat(api.get(editor, "/api/queues/editing").body().toString()).contains(id);
        assertThat(transition(editor, id, "{\"action\":\"start-editing\"}")).isEqualTo("editing");
        assertThat(api.get(leader, "/api/queues/sign-off").body().toString()).contains(id);
        assertThat(transition(leader, id, "{\"action\":\"sign-off\"}")).isEqualTo("signed-off");
        assertThat(transition(leader, id, "{\"action\":\"instruct\",\"rank\":\"区长\","
                + "\"comment\":\"请区住建局研究落实。\",\"ordersAssignment\":true}")).isEqualTo("instructed");

        // assigned by the office's rule; the department bounces, is assigned again, asks for more time
        assertThat(api.put(editor, "/api/assignment-rules", null,
                "{\"topic\":\"*\",\"department\":\"meilan-housing\"}").status()).isEqualTo(200);
        assertThat(transition(editor, id, "{\"action\":\"assign\"}")).isEqualTo("assigned");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(handler, "/api/inbox").body().toString().contains(id));
        assertThat(api.post(handler, "/api/inbox/" + id + "/bounce", "{\"reason\":\"属于交通部门职责\"}").status())
                .isEqualTo(200);
        awaitStatus(editor, "/api/reports/" + id + "/workflow", "bounced");
        assertThat(transition(editor, id, "{\"action\":\"assign\",\"department\":\"meilan-housing\"}"))
                .isEqualTo("assigned");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.post(handler, "/api/inbox/" + id + "/accept", "").status() == 200);
        awaitStatus(editor, "/api/reports/" + id + "/workflow", "handling");
        String later = java.time.LocalDate.now().plusDays(60).toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.post(handler, "/api/inbox/" + id + "/extension",
                "{\"deadline\":\"" + later + "\",\"reason\":\"需协调渡口运营单位\"}").status() == 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> later.equals(String.valueOf(
                api.get(editor, "/api/reports/" + id + "/workflow").body().get("extensionAsked").asString())));
        assertThat(transition(editor, id, "{\"action\":\"decide-extension\",\"approved\":true}")).isEqualTo("handling");
        assertThat(api.get(editor, "/api/supervision/overdue").status()).isEqualTo(200);

        // the district's bulletin carries it
        var issue = api.post(editor, "/api/bulletins", "{\"office\":\"美兰区政协办公室\"}");
        assertThat(issue.status()).isEqualTo(201);
        String bulletin = "/api/bulletins/" + issue.body().get("id").asString();
        assertThat(api.put(editor, bulletin + "/items", null, "{\"reportIds\":[\"" + id + "\"]}").status()).isEqualTo(200);
        assertThat(api.post(leader, bulletin + "/publish", "").body().get("status").asString()).isEqualTo("published");
        assertThat(api.get(editor, bulletin + "/export.docx").status()).isEqualTo(200);
        // the street office reads what happened upstream, but cannot act any more
        var seen = api.get(streetEditor, "/api/reports/" + id + "/workflow").body();
        assertThat(seen.get("level").asString()).isEqualTo("haikou/meilan");
        assertThat(seen.get("instructions").get(0).get("rank").asString()).isEqualTo("区长");
        assertThat(api.post(streetEditor, transitions, "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"district\"}").status())
                .isEqualTo(403);
    }

    @Test
    void anOpen311ClientFilesAndTracksARequest() throws Exception {
        String member = api.token("member-city");
        assertThat(api.get(member, "/open311/v2/services.json").body().toString()).contains("\"service_code\":\"transport\"");
        String form = "service_code=transport&description=" + java.net.URLEncoder.encode(
                "海秀路公交站台缺少遮阳棚。夏季候车困难。", java.nio.charset.StandardCharsets.UTF_8)
                + "&lat=20.0212&long=110.3087";
        var filed = api.postForm(member, "/open311/v2/requests.json", form);
        assertThat(filed.status()).as(String.valueOf(filed.body())).isEqualTo(201);
        String id = filed.body().get(0).get("service_request_id").asString();
        var tracked = api.get(member, "/open311/v2/requests/" + id + ".json").body().get(0);
        assertThat(tracked.get("status").asString()).isEqualTo("open");
        assertThat(tracked.get("agency_responsible").asString()).isEqualTo("海口市政协");
        assertThat(api.postForm(member, "/open311/v2/requests.json", "description=x").body().get(0).get("code").asInt())
                .isEqualTo(400);
    }

    @Test
    void theGatewayRejectsCallsWithoutAValidTokenAndServesTheSignInPage() throws Exception {
        assertThat(api.get(null, "/api/worklist").status()).isEqualTo(401);
        assertThat(api.get("not-a-token", "/api/worklist").status()).isEqualTo(401);
        assertThat(api.get(null, "/open311/v2/services.json").status()).isEqualTo(401);
        var page = api.page("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("民意 · 社情民意信息平台").contains("/oauth2/authorization/keycloak");
        var signIn = api.page("/oauth2/authorization/keycloak");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow())
                .contains("/realms/minyi/protocol/openid-connect/auth").contains("code_challenge_method=S256");
    }

    @Test
    void aReportAcceptedWhileTheBrokerIsDownIsPublishedWhenItIsBack() throws Exception {
        String member = api.token("member-city");
        String editor = api.token("editor-city");
        stack.stop("kafka");
        var accepted = api.post(member, "/api/reports",
                "{\"title\":\"公交站台缺少遮阳棚\",\"body\":\"海口市多个公交站台缺少遮阳棚，夏季候车困难。建议分批加装。\"}");
        assertThat(accepted.status()).as("intake accepts without the broker").isEqualTo(201);
        String workflow = "/api/reports/" + accepted.body().get("id").asString() + "/workflow";
        assertThat(api.get(editor, workflow).status()).as("not routed while the broker is down").isEqualTo(404);

        stack.start(); // brings the broker back; the outbox relay has kept the event
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            var reply = api.get(editor, workflow);
            return reply.status() == 200 && "submitted".equals(reply.body().get("status").asString());
        });
    }

    @Test
    void aPersonSignsInWithABrowserSeesTheirIdentityAndSignsOut() throws Exception {
        String identity = stack.browser("sign-in.js", "leader-street", "Minyi-2026-demo");
        var json = Api.JSON.readTree(identity);
        assertThat(json.get("username").asString()).isEqualTo("leader-street");
        assertThat(json.get("name").asString()).isEqualTo("金宇街道领导 （演示）");
        assertThat(json.get("org").asString()).isEqualTo("haikou/longhua/jinyu");
        assertThat(json.get("roles").asString()).isEqualTo("领导");
        assertThat(json.get("signedOut").asBoolean()).isTrue();
    }

    @Test
    void theWebAppShowsALeadersDashboardAndAMembersRecordWithTheApisNumbers() throws Exception {
        var shown = Api.JSON.readTree(stack.browser("dashboard.js", "leader-district", "member-haidian", "Minyi-2026-demo"));
        var dashboard = shown.get("dashboard");
        for (String figure : new String[]{"received", "adopted", "responded"}) {
            assertThat(dashboard.get("ui").get(figure).asString()).as(figure)
                    .isEqualTo(dashboard.get("api").get(figure).asString());
        }
        assertThat(dashboard.get("ui").get("who").asString()).contains("haikou/longhua").contains("领导");
        assertThat(shown.get("asOf").asString()).as("the time the figures are as of").startsWith("数据更新于 2");
        var drill = shown.get("drill");
        assertThat(drill.get("hash").asString()).as("a department row opens 信息检索 filtered by it, the body and the period")
                .startsWith("#/search?department=").contains("org=haikou/longhua").contains("from=").contains("to=");
        assertThat(drill.get("picked").asString()).as("the department picked, by its name").isNotBlank().doesNotMatch("^[a-z0-9-]+$");
        assertThat(drill.get("total").asString()).startsWith("共 ");
        var record = shown.get("record");
        assertThat(record.get("ui").get("submitted").asString()).isEqualTo(record.get("api").get("submitted").asString());
        assertThat(record.get("ui").get("score").asString()).isEqualTo(record.get("api").get("score").asString());
        assertThat(record.get("ui").get("dashboardHidden").asBoolean()).as("members get no dashboard").isTrue();
        assertThat(shown.get("written").get("listed").asBoolean()).as("a report written in the browser is listed").isTrue();
        String member = api.token("member-haidian");
        String title = shown.get("written").get("title").asString();
        assertThat(api.get(member, "/api/reports?scope=mine&size=100").body().toString()).contains(title);
        assertThat(stack.root().resolve("e2e/target/screenshots/dashboard.png")).exists();
    }

    @Test
    void theOfficeSeesTwoAccountsOfOneProblemAsLikelyDuplicatesComparesThemAndMergesWithCredit() throws Exception {
        var seen = Api.JSON.readTree(stack.browser("duplicates.js", "member-district", "editor-district", "Minyi-2026-demo"));
        assertThat(seen.get("similar").get("verdict").asString()).isEqualTo("很可能重复");
        assertThat(seen.get("memberSearch").asInt()).as("the member finds both by keyword").isEqualTo(2);
        assertThat(seen.get("search").get("total").asString()).isEqualTo("共 2 条");
        assertThat(seen.get("search").get("marked").asInt()).as("keywords are marked").isGreaterThanOrEqualTo(2);
        assertThat(seen.get("moreLike").asBoolean()).as("more like this ranks the paraphrase first").isTrue();
        assertThat(seen.get("compare").get("marks").asInt()).as("shared passages are marked").isGreaterThanOrEqualTo(2);
        assertThat(seen.get("compare").get("sharedWords").toString()).contains("电梯");
        String first = seen.get("ids").get("first").asString();
        String second = seen.get("ids").get("second").asString();
        assertThat(seen.get("mergeInto").asString()).isEqualTo(first);
        assertThat(seen.get("status").asString()).isEqualTo("已合并");
        String editor = api.token("editor-district");
        await().untilAsserted(() -> assertThat(api.get(editor, "/api/reports/" + first + "/workflow").body()
                .get("merged").toString()).contains(second));
        // the merged report is no longer offered as a candidate
        await().untilAsserted(() -> assertThat(api.get(editor, "/api/reports/" + first + "/similar").body().toString())
                .doesNotContain(second));
        assertThat(stack.root().resolve("e2e/target/screenshots/editor-compare.png")).exists();
    }

    @Test
    void eachRoleDoesItsPartOfAReportsLifeInTheBrowser() throws Exception {
        var seen = Api.JSON.readTree(stack.browser("lifecycle.js", "member-district", "editor-district", "leader-district",
                "dept-longhua-housing", "Minyi-2026-demo"));
        String id = seen.get("submitted").get("reportId").asString();
        assertThat(seen.get("edited").get("inserted").asString()).as("the diff shows the editor's insertion").contains("审批环节多");
        assertThat(seen.get("signedOff").get("status").asString()).isEqualTo("已签发");
        assertThat(seen.get("assigned").get("status").asString()).isEqualTo("已交办");
        var phone = seen.get("phone");
        assertThat(phone.get("overflow").asInt()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
        assertThat(phone.get("cardRight").asDouble()).isLessThanOrEqualTo(phone.get("width").asDouble());
        assertThat(phone.get("card").asString()).contains("办结");
        var elder = seen.get("elder");
        assertThat(elder.get("on").get("fontSize").asDouble()).as("长辈版 base text").isGreaterThanOrEqualTo(18);
        assertThat(elder.get("on").get("lineHeight").asDouble()).as("长辈版 line height").isGreaterThanOrEqualTo(1.5);
        assertThat(elder.get("remembered").asBoolean()).as("长辈版 remembered after a reload").isTrue();
        assertThat(elder.get("off").get("fontSize").asDouble()).isLessThan(18);
        assertThat(seen.get("instruction").get("card").asString()).as("the paper instruction on record")
                .contains("陈志强").contains("副区长").contains("区（县）级领导").contains("请区住建局牵头研究")
                .contains("纸质批示").contains("批示要求交办");
        assertThat(seen.get("instruction").get("scan").asString()).startsWith("/api/reports/" + id + "/attachments/");
        assertThat(seen.get("timeline").toString()).as("the office's timeline, oldest first")
                .isEqualTo("[\"提交信息\",\"开始采编\",\"编辑修改\",\"签发\",\"领导批示\",\"交办\"]");
        assertThat(seen.get("timelineText").asString()).as("named, not coded").contains("补充审批问题")
                .contains("海口市龙华区住房和城乡建设局").doesNotContain("longhua-housing");
        assertThat(seen.get("responded").get("state").asString()).isEqualTo("已答复");
        assertThat(seen.get("closed").get("status").asString()).isEqualTo("已办结");
        assertThat(seen.get("outcome").get("tag").asString()).isEqualTo("采纳");
        assertThat(seen.get("outcome").get("response").asString()).contains("加装电梯专项补贴");
        assertThat(seen.get("rated").asString()).isEqualTo("满意");
        assertThat(seen.get("notifications").asInt()).as("the member was told along the way").isPositive();
        var dashboard = seen.get("dashboard");
        assertThat(dashboard.get("ui").get("received").asString()).isEqualTo(dashboard.get("api").get("received").asString());
        assertThat(dashboard.get("ui").get("adopted").asString()).isEqualTo(dashboard.get("api").get("adopted").asString());

        // what the browser did is what the services hold
        String member = api.token("member-district");
        var feedback = api.get(member, "/api/reports/" + id + "/feedback").body();
        assertThat(feedback.get("outcome").asString()).isEqualToIgnoringCase("adopted");
        assertThat(feedback.get("adoptionLevel").asString()).isEqualTo("district");
        assertThat(feedback.get("myRating").asString()).isEqualTo("satisfied");
        assertThat(feedback.get("letterNo").asString()).isEqualTo("龙住建函〔2026〕12号");
        var revisions = api.get(api.token("editor-district"), "/api/reports/" + id + "/revisions").body();
        assertThat(revisions.size()).isEqualTo(2);
        assertThat(revisions.get(1).get("note").asString()).isEqualTo("补充审批问题");
        for (String screen : new String[]{"member-write", "editor-case-diff", "leader-sign-off", "department-reply",
                "member-outcome", "admin-org-tree", "editor-paper-instruction", "editor-case-timeline",
                "member-elder", "member-phone"}) {
            assertThat(stack.root().resolve("e2e/target/screenshots/" + screen + ".png")).exists();
        }
    }

    private void awaitStatus(String token, String path, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var reply = api.get(token, path);
            return reply.status() == 200 && status.equals(reply.body().get("status").asString());
        });
    }

    private String transition(String token, String id, String json) throws Exception {
        var reply = api.post(token, "/api/reports/" + id + "/transitions", json);
        assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
        return reply.body().get("status").asString();
    }
}
