package io.minyi.e2e;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real body sets minyi up and starts work, through the gateway with real tokens, the browser and the
 * local mail server: the administrator creates a district with its departments (imported from .xlsx), a
 * topic and next year's holidays and keeps a deadline rule; the security administrator imports the roster;
 * the new people set their passwords from the mail and sign in; the new editor assigns a report with the
 * picker; the dashboard and the annual workbook name the department and topic, a rename shows within 5 s,
 * a typo is refused. Then a province-rooted tree, bootstrapped as an operator would, names its own levels.
 */
@org.junit.jupiter.api.Order(6)
class SettingUpE2EIT extends OnPlatform {

    static final String PASSWORD = "Minyi-2026-demo";
    static final String DISTRICT = "haikou/jiangdong";
    static final String DISTRICT_NAME = "海口江东新区政协";
    static final String TOPIC = "free-trade-port";
    static final int NEXT_YEAR = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
    static final List<String> DEPARTMENT_HEADER = List.of("序号", "单位编码", "单位全称", "单位简称", "所属政协组织", "单位类别",
            "联系人", "联系电话", "电子邮箱", "状态");
    static final List<String> ROSTER_HEADER = List.of("序号", "账号", "姓名", "角色", "所属政协组织", "界别", "联络站", "承办单位",
            "手机号码", "电子邮箱", "状态");

    private final Map<String, Object> figures = new LinkedHashMap<>();

    @Test
    void aNewDistrictIsSetUpStaffedFromTheRosterAndAssignsWithTheRegistrysNames() throws Exception {
        String admin = api.token("admin");
        Mailbox mail = new Mailbox(stack.imapPort());

        // the administrator: the body, three departments by import, a topic, next year's holidays
        ok(api.put(admin, "/api/reference/orgs/" + DISTRICT, null, "{\"name\":\"" + DISTRICT_NAME + "\"}"));
        var imported = api.upload(admin, "/api/departments/import", "承办单位.xlsx", Sheets.write("承办单位", DEPARTMENT_HEADER, List.of(
                List.of("1", "jiangdong-housing", "海口江东新区住房和城乡建设局", "江东住建局", DISTRICT_NAME, "党政部门", "林科长", "13907550001", "zjj@jiangdong.example.gov.cn", "在用"),
                List.of("2", "jiangdong-transport", "海口江东新区交通运输局", "江东交通局", DISTRICT, "党政部门", "", "", "", ""),
                List.of("3", "jiangdong-env", "海口江东新区生态环境局", "江东环境局", DISTRICT, "党政部门", "", "", "", ""))));
        ok(imported);
        assertThat(imported.body().get("created").asInt()).isEqualTo(3);
        ok(api.put(admin, "/api/reference/topics/" + TOPIC, null, "{\"name\":\"自贸港建设\"}"));
        var year = api.post(admin, "/api/calendar/" + NEXT_YEAR + "/notice", "{\"source\":\"测试用通知\",\"text\":\""
                + "一、元旦：1月1日放假，共1天。\\n二、春节：2月6日至13日放假调休，共8天。2月14日上班。\"}");
        ok(year);
        ok(api.put(admin, "/api/calendar/" + NEXT_YEAR, null, "{\"source\":\"测试用通知\",\"holidays\":"
                + year.body().get("holidays") + ",\"workingWeekends\":" + year.body().get("workingWeekends") + "}"));

        // the screens: departments found, a day marked and saved, a deadline rule kept, the roster imported
        Path roster = stack.root().resolve("e2e/target/roster-jiangdong.xlsx");
        Files.write(roster, Sheets.write("人员名册", ROSTER_HEADER, List.of(
                List.of("1", "jd.editor", "江东编辑", "信息编辑", DISTRICT_NAME, "", "", "", "13900000001", "jd.editor@jiangdong.example.gov.cn", "在职"),
                List.of("2", "jd.leader", "江东领导", "领导", DISTRICT_NAME, "", "", "", "", "jd.leader@jiangdong.example.gov.cn", "在职"),
                List.of("3", "jd.member", "江东委员", "委员", DISTRICT, "民盟", "", "", "", "jd.member@jiangdong.example.gov.cn", ""),
                List.of("4", "jd.handler", "江东办理人", "承办单位", DISTRICT, "", "", "江东住建局", "", "jd.handler@jiangdong.example.gov.cn", ""))));
        JsonNode screens = Api.JSON.readTree(stack.browser("setting-up.js", PASSWORD, DISTRICT, DISTRICT_NAME, "江东",
                roster.toString(), String.valueOf(NEXT_YEAR)));
        assertThat(screens.get("departments").toString()).contains("海口江东新区住房和城乡建设局", "海口江东新区交通运输局",
                "海口江东新区生态环境局");
        assertThat(screens.get("retired").asBoolean()).as("retired on the screen").isFalse();
        assertThat(screens.get("edited").asString()).isEqualTo("0898-65559999");
        assertThat(api.get(admin, "/api/departments/jiangdong-env").body().get("active").asBoolean()).as("restored").isTrue();
        assertThat(screens.get("newYearsDay").asString()).contains("holiday");
        assertThat(screens.get("recountNote").asString()).contains("重新计算");
        assertThat(screens.get("deadlineRow").asString()).contains(DISTRICT_NAME).contains("10");
        assertThat(screens.get("imported").asString()).contains("新建 4");

        // the new people set their passwords from the mail and sign in
        String newPassword = "Jiangdong-2026-mima!";
        for (String who : List.of("jd.editor", "jd.leader", "jd.member")) {
            String address = who + "@jiangdong.example.gov.cn";
            Mailbox.Mail setPassword = mail.await(address, address, "账户", Duration.ofSeconds(60));
            JsonNode signedIn = Api.JSON.readTree(stack.browser("set-password.js", setPassword.actionLink(), who, newPassword));
            assertThat(signedIn.get("who").asString()).contains(DISTRICT);
        }
        String editor = passwordToken("jd.editor", newPassword);
        String leader = passwordToken("jd.leader", newPassword);
        String member = passwordToken("jd.member", newPassword);

        // a report of the new body, about the new topic, edited and signed off
        String title = "江东新区自贸港企业落地服务需优化 " + System.currentTimeMillis();
        var submitted = api.post(member, "/api/reports", "{\"title\":\"" + title + "\",\"topic\":\"" + TOPIC
                + "\",\"body\":\"江东新区新设企业反映，自贸港政策兑现流程长、部门间材料重复提交。建议推行一窗通办。\"}");
        ok(submitted);
        String id = submitted.body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200);
        ok(api.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"start-editing\"}"));
        ok(api.post(leader, "/api/reports/" + id + "/transitions", "{\"action\":\"sign-off\"}"));

        // a typo is refused with its code; the editor assigns with the picker, by the registry's names
        var typo = api.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"assign\",\"department\":\"jiangdong-hosuing\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().get("code").asString()).isEqualTo("unknown-department");
        assertThat(typo.body().get("department").asString()).isEqualTo("jiangdong-hosuing");
        JsonNode assigned = Api.JSON.readTree(stack.browser("assign.js", "jd.editor", newPassword, title, "江东新区住房",
                "海口江东新区住房和城乡建设局"));
        assertThat(assigned.get("status").asString()).contains("交办");
        assertThat(assigned.get("term").asString()).contains("10 个工作日");
        // told by e-mail: the department at its registry address, the author at their account's
        Mailbox.Mail notice = mail.await("zjj@jiangdong.example.gov.cn", "zjj@jiangdong.example.gov.cn", "新交办",
                Duration.ofSeconds(60));
        assertThat(notice.subject()).isEqualTo("【民意】新交办（主办）：《" + title + "》");
        assertThat(notice.text()).contains("您单位为主办单位").contains("/app/index.html#/inbox");
        // and by SMS through the provider's real SDK to the local endpoint — unless it is night in China, when it waits
        java.time.LocalTime chinaNow = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        boolean night = !chinaNow.isBefore(java.time.LocalTime.of(21, 58)) || chinaNow.isBefore(java.time.LocalTime.of(8, 2));
        if (!night) {
            await().atMost(Duration.ofSeconds(60)).until(() -> api.raw("GET", stack.smsRequests(), null, null, null).body()
                    .toString().contains("13907550001"));
            String journal = api.raw("GET", stack.smsRequests(), null, null, null).body().toString();
            assertThat(journal).contains("SMS_LOCAL_ASSIGNED").contains("ACS3-HMAC-SHA256");
            figures.put("smsSent", true);
        } else {
            figures.put("smsHeldForTheMorning", true);
        }
        var urged = api.post(editor, "/api/supervision/urge", "{\"reportIds\":[\"" + id + "\"],\"note\":\"请于本周五前签收\"}");
        ok(urged);
        assertThat(urged.body().get(0).get("urged").asBoolean()).isTrue();
        Mailbox.Mail urgedMail = mail.await("zjj@jiangdong.example.gov.cn", "zjj@jiangdong.example.gov.cn", "催办",
                Duration.ofSeconds(60));
        assertThat(urgedMail.text()).contains("请于本周五前签收");
        Mailbox.Mail signedOff = mail.await("jd.member@jiangdong.example.gov.cn", "jd.member@jiangdong.example.gov.cn",
                "信息已签发", Duration.ofSeconds(60));
        assertThat(signedOff.text()).contains("/app/index.html#/reports");
        JsonNode workflow = api.get(editor, "/api/reports/" + id + "/workflow").body();
        assertThat(workflow.get("department").asString()).isEqualTo("jiangdong-housing");
        JsonNode rule = api.get(editor, "/api/deadline-rules/applying?org=" + DISTRICT).body();
        assertThat(workflow.get("deadline").asString()).as("the body's rule, 10 working days")
                .isEqualTo(rule.get("due").get("normal").asString());

        // the dashboard and the annual workbook name the department and the topic
        await().atMost(Duration.ofSeconds(30)).until(() -> labels(editor, "department").contains("江东住建局"));
        await().atMost(Duration.ofSeconds(30)).until(() -> labels(editor, "topic").contains("自贸港建设"));
        List<String> workbook = Sheets.cells(api.download(editor, "/api/stats/annual-report.xlsx").body());
        assertThat(workbook).contains("江东住建局", "自贸港建设");

        // a rename reaches the dashboard within 5 s, and the next workbook
        long t0 = System.nanoTime();
        ok(api.put(admin, "/api/departments/jiangdong-housing", null, "{\"name\":\"海口江东新区住房和城乡建设局\","
                + "\"shortName\":\"江东新区住建局\",\"org\":\"" + DISTRICT + "\",\"kind\":\"party-government\",\"active\":true}"));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> labels(editor, "department").contains("江东新区住建局"));
        long renameMillis = (System.nanoTime() - t0) / 1_000_000;
        figures.put("renameToDashboardMillis", renameMillis);
        assertThat(Sheets.cells(api.download(editor, "/api/stats/annual-report.xlsx").body())).contains("江东新区住建局");

        // a leaver is disabled, never deleted: no more sign-in, still on the roster
        String security = api.token("security-admin");
        ok(api.post(security, "/api/people/jd.leader/disable", "{}"));
        assertThat(api.get(security, "/api/people/jd.leader").body().get("enabled").asBoolean()).isFalse();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> passwordToken("jd.leader", newPassword)))
                .as("a disabled account cannot sign in").hasMessageContaining("400");
        List<String> exported = Sheets.cells(api.download(security, "/api/people/export.xlsx").body());
        assertThat(exported).contains("jd.leader", "离职", "jd.editor", "在职");
        assertThat(api.get(admin, "/api/people").status()).as("三员分立: not the system administrator's").isEqualTo(403);
        write();
    }

    @Test
    void theLoginPageOffersForgotPasswordAndKeycloakMailsTheResetLink() throws Exception {
        JsonNode seen = Api.JSON.readTree(stack.browser("forgot-password.js", "editor-street"));
        assertThat(seen.get("offered").asString()).contains("忘记密码");
        Mailbox.Mail reset = new Mailbox(stack.imapPort()).await("editor-street", PASSWORD, "重置密码", Duration.ofSeconds(60));
        assertThat(reset.to()).contains("editor-street@minyi.example");
        assertThat(reset.actionLink()).contains("/realms/minyi/login-actions/");
    }

    @Test
    void aProvinceRootedTreeBootstrappedByTheOperatorNamesItsOwnLevels() throws Exception {
        // the operator's one step in Keycloak: the root body's administrator and security administrator
        String operator = api.tokenFrom("master", "client_id=admin-cli&grant_type=password&username=kc-admin&password=kc-admin-dev");
        String rootPassword = "Hainan-2026-guanli!";
        createAccount(operator, "hainan-admin", "海南省政协管理员", "admin", "hainan", rootPassword);
        createAccount(operator, "hainan-security", "海南省政协安全管理员", "security-admin", "hainan", rootPassword);
        String admin = passwordToken("hainan-admin", rootPassword);

        // the root with its level names, a city and a district below it, a department of the city
        ok(api.put(admin, "/api/reference/orgs/hainan", null,
                "{\"name\":\"海南省政协\",\"levelNames\":[\"省级\",\"市级\",\"区（县）级\",\"街镇\"]}"));
        ok(api.put(admin, "/api/reference/orgs/hainan/sanya", null, "{\"name\":\"三亚市政协\"}"));
        ok(api.put(admin, "/api/reference/orgs/hainan/sanya/jiyang", null, "{\"name\":\"三亚市吉阳区政协\"}"));
        ok(api.put(admin, "/api/departments/sanya-tourism", null, "{\"name\":\"三亚市旅游和文化广电体育局\",\"shortName\":\"三亚旅文局\","
                + "\"org\":\"hainan/sanya\",\"kind\":\"party-government\",\"active\":true}"));

        // its security administrator staffs the district
        String security = passwordToken("hainan-security", rootPassword);
        var imported = api.upload(security, "/api/people/import", "人员名册.xlsx", Sheets.write("人员名册", ROSTER_HEADER, List.of(
                List.of("1", "jy.member", "吉阳委员", "委员", "三亚市吉阳区政协", "", "", "", "", "jy.member@sanya.example.gov.cn", ""),
                List.of("2", "jy.editor", "吉阳编辑", "信息编辑", "三亚市吉阳区政协", "", "", "", "", "jy.editor@sanya.example.gov.cn", ""),
                List.of("3", "jy.leader", "吉阳领导", "领导", "三亚市吉阳区政协", "", "", "", "", "jy.leader@sanya.example.gov.cn", ""))));
        ok(imported);
        Mailbox mail = new Mailbox(stack.imapPort());
        String password = "Jiyang-2026-mima!";
        for (String who : List.of("jy.member", "jy.editor", "jy.leader")) {
            String address = who + "@sanya.example.gov.cn";
            stack.browser("set-password.js", mail.await(address, address, "账户", Duration.ofSeconds(60)).actionLink(), who, password);
        }
        String member = passwordToken("jy.member", password);
        String editor = passwordToken("jy.editor", password);
        String leader = passwordToken("jy.leader", password);
        var submitted = api.post(member, "/api/reports", "{\"title\":\"吉阳区旅游旺季停车难\",\"body\":\"旅游旺季吉阳区主要景区周边停车位严重不足。建议增设临时停车场。\"}");
        ok(submitted);
        String id = submitted.body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200);
        ok(api.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"start-editing\"}"));
        ok(api.post(leader, "/api/reports/" + id + "/transitions", "{\"action\":\"sign-off\"}"));
        ok(api.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"assign\",\"department\":\"sanya-tourism\"}"));

        // the province's figures: its levels by its own names; the demo city keeps the default ones
        await().atMost(Duration.ofSeconds(30)).until(() -> labels(admin, "level", "hainan").contains("区（县）级"));
        assertThat(labels(admin, "body", "hainan")).contains("三亚市政协");
        await().atMost(Duration.ofSeconds(30)).until(() -> labels(admin, "department", "hainan").contains("三亚旅文局"));
        assertThat(labels(api.token("admin"), "level", "haikou")).doesNotContain("省级");
        assertThat(api.get(admin, "/api/stats/summary?org=haikou").status()).as("a sibling tree stays out of sight")
                .isIn(403, 404);
    }

    /** The labels of the rows of a breakdown of the caller's body (or {@code org}). */
    private List<String> labels(String token, String by, String... org) throws Exception {
        var reply = api.get(token, "/api/stats/breakdown?by=" + by + (org.length > 0 ? "&org=" + org[0] : ""));
        List<String> labels = new ArrayList<>();
        if (reply.status() == 200) {
            reply.body().get("rows").forEach(r -> labels.add(r.get("label").asString()));
        }
        return labels;
    }

    private String passwordToken(String username, String password) throws Exception {
        return api.tokenFrom("minyi", "client_id=minyi-cli&grant_type=password&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /** What the operator does once in Keycloak's console, through its admin API. */
    private void createAccount(String operator, String username, String name, String role, String org, String password)
            throws Exception {
        String realm = stack.keycloak() + "/admin/realms/minyi";
        var created = api.raw("POST", realm + "/users", operator, "application/json", ("{\"username\":\"" + username
                + "\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"" + name + "\",\"email\":\"" + username
                + "@hainan.example.gov.cn\",\"attributes\":{\"org\":[\"" + org + "\"]},\"credentials\":[{\"type\":\"password\","
                + "\"value\":\"" + password + "\",\"temporary\":false}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as("create " + username).isEqualTo(201);
        String userId = api.raw("GET", realm + "/users?exact=true&username=" + username, operator, null, null).body().get(0)
                .get("id").asString();
        JsonNode roleRep = api.raw("GET", realm + "/roles/" + role, operator, null, null).body();
        assertThat(api.raw("POST", realm + "/users/" + userId + "/role-mappings/realm", operator, "application/json",
                ("[" + roleRep + "]").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(204);
    }

    private static void ok(Api.Reply reply) {
        assertThat(reply.status()).as(String.valueOf(reply.body())).isBetween(200, 299);
    }

    private void write() throws Exception {
        Path out = stack.root().resolve("e2e/target/setting-up.json");
        Files.writeString(out, Api.JSON.writeValueAsString(figures));
    }
}
