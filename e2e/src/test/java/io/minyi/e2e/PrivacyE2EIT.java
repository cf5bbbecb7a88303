package io.minyi.e2e;

import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data protection and the 等保 controls over the running platform: a constituent's details are
 * sealed in MongoDB and absent from Kafka, masked in answers, revealed only to whom it may concern, every
 * reveal and export is in the audit log, which only the auditor reads; the realm enforces the sign-in
 * policy, and the production realm asks the office, leaders and administrators for a second factor.
 */
@Order(3)
class PrivacyE2EIT extends OnPlatform {

    static final String PHONE = "13912345678";
    static final String ID_NUMBER = "11010519491231002X";
    static final String NAME = "王秀英";
    static final List<String> PLAIN = List.of(PHONE, ID_NUMBER, NAME, "滨涯路66号");

    @Test
    void personalDataIsSealedMaskedRevealedToTheOfficeOnlyAndEveryRevealAndExportIsAudited() throws Exception {
        String member = api.token("member-district");
        var submitted = api.post(member, "/api/reports", """
                {"title":"滨涯片区积水严重","body":"群众王女士反映每逢大雨积水没膝，联系电话13912345678。建议改造排水管网。",
                 "channel":"visit","constituents":1,
                 "constituent":{"name":"王秀英","phone":"13912345678","idNumber":"11010519491231002X","address":"海口市龙华区滨涯路66号"}}""");
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.body().path("id").asText();
        assertThat(submitted.body().toString()).doesNotContain(PHONE).contains("139****5678");

        try (var mongo = MongoClients.create(stack.mongo())) {
            String stored = mongo.getDatabase("minyi-intake-service").getCollection("reports")
                    .find(new Document("_id", id)).first().toJson();
            assertThat(PLAIN).as("raw MongoDB document").noneMatch(stored::contains);
            assertThat(stored).contains("\"personal\"").contains("\"wrapped\"");
        }
        String records = recordsOf(id);
        assertThat(records).as("Kafka records of the report").contains("139****5678");
        assertThat(PLAIN).noneMatch(records::contains);

        String editor = api.token("editor-district");
        JsonNode view = api.get(editor, "/api/reports/" + id).body();
        assertThat(view.path("personal").path("constituent").path("idNumber").asText()).isEqualTo("1101**********002X");
        assertThat(PLAIN).noneMatch(view.toString()::contains);

        var revealed = api.post(editor, "/api/reports/" + id + "/personal-data", "{\"reason\":\"电话回访核实积水情况\"}");
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body().path("constituent").path("phone").asText()).isEqualTo(PHONE);
        assertThat(revealed.body().path("originals").path("body").asText()).contains(PHONE);
        assertThat(api.post(api.token("admin"), "/api/reports/" + id + "/personal-data", "{\"reason\":\"看看\"}").status())
                .as("the system administrator").isEqualTo(403);
        assertThat(api.post(api.token("editor-meilan"), "/api/reports/" + id + "/personal-data", "{\"reason\":\"看看\"}").status())
                .as("a sibling district's office").isEqualTo(404);
        assertThat(api.get(editor, "/api/stats/export/summary.csv?period=year").status()).isEqualTo(200);

        String auditor = api.token("auditor");
        String editorId = subject(editor);
        JsonNode reveal = await().atMost(Duration.ofSeconds(30)).until(
                () -> entry(api.get(auditor, "/api/audit?action=personal-data.revealed&size=200").body(), "subject", id), e -> e != null);
        assertThat(reveal.path("actorId").asText()).isEqualTo(editorId);
        assertThat(reveal.path("reason").asText()).isEqualTo("电话回访核实积水情况");
        JsonNode export = await().atMost(Duration.ofSeconds(30)).until(
                () -> entry(api.get(auditor, "/api/audit?action=export&size=200").body(), "actorId", editorId), e -> e != null);
        assertThat(export.path("detail").path("format").asText()).isEqualTo("csv");
        String adminId = subject(api.token("admin"));
        await().atMost(Duration.ofSeconds(30)).until(() -> entry(api.get(auditor,
                "/api/audit?action=access.denied&size=50&actor=" + adminId).body(), "actorId", adminId) != null);

        // a forged X-Forwarded-For on a refused request: the gateway records the real address
        assertThat(api.raw("GET", stack.gateway() + "/api/audit?size=1", editor, null, null,
                java.util.Map.of("X-Forwarded-For", "6.6.6.6")).status()).as("the office").isEqualTo(403);
        JsonNode refused = await().atMost(Duration.ofSeconds(30)).until(() -> entry(api.get(auditor,
                "/api/audit?action=access.denied&size=50&actor=" + editorId).body(), "actorId", editorId), e -> e != null);
        assertThat(refused.path("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(api.get(auditor, "/api/audit?size=500").body().toString()).doesNotContain("6.6.6.6");
        assertThat(api.get(api.token("admin"), "/api/audit").status()).as("the system administrator").isEqualTo(403);
        assertThat(api.raw("DELETE", stack.gateway() + "/api/audit", auditor, null, null).status()).isBetween(400, 499);
        JsonNode verified = api.get(auditor, "/api/audit/verify").body();
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("entries").asLong()).isPositive();
        Files.writeString(Path.of("target/security/audit-verify.json"), verified.toString());
    }

    @Test
    void inTheWebAppTheMemberRecordsTheConstituentTheEditorRevealsAndTheAuditorSeesIt() throws Exception {
        JsonNode seen = Api.JSON.readTree(stack.browser("privacy.js", "member-district", "editor-district", "auditor",
                "Minyi-2026-demo"));
        assertThat(seen.path("member").path("kinds").asText()).contains("姓名").contains("电话号码").contains("身份证号");
        assertThat(seen.path("member").path("masked").asText()).contains("137****5678").contains("李**").doesNotContain("13712345678");
        assertThat(seen.path("editor").path("masked").asText()).contains("137****5678");
        assertThat(seen.path("editor").path("body").asText()).contains("137****5678").doesNotContain("13712345678");
        assertThat(seen.path("editor").path("revealed").path("phone").asText()).isEqualTo("13712345678");
        assertThat(seen.path("editor").path("revealed").path("idNumber").asText()).isEqualTo("11010519491231002X");
        assertThat(seen.path("auditor").path("row").asText()).contains("查看个人信息").contains("电话回访群众核实积水情况");
        assertThat(seen.path("auditor").path("address").asText()).as("the browser's forged X-Forwarded-For is not believed")
                .isEqualTo("127.0.0.1");
        assertThat(seen.path("auditor").path("verified").asText()).contains("完整");
    }

    @Test
    void theRealmEnforcesComplexPasswordsLockoutAndIdleTimeout() throws Exception {
        String admin = kcAdmin();
        JsonNode realm = api.raw("GET", stack.keycloak() + "/admin/realms/minyi", admin, null, null).body();
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)").contains("passwordHistory(5)")
                .contains("specialChars(1)");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(5);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isEqualTo(1800);

        String user = "policy-probe-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = createUser(admin, "minyi", user, "member", "Probe-Pass-2026");
        var weak = api.raw("PUT", stack.keycloak() + "/admin/realms/minyi/users/" + userId + "/reset-password", admin,
                "application/json", "{\"type\":\"password\",\"value\":\"minyi123\",\"temporary\":false}".getBytes(StandardCharsets.UTF_8));
        assertThat(weak.status()).as("a weak password is refused").isEqualTo(400);
        assertThat(weak.body().toString()).contains("invalidPassword");

        for (int i = 0; i < 5; i++) {
            assertThat(passwordGrant(user, "Wrong-Pass-2026")).isEqualTo(401);
        }
        assertThat(passwordGrant(user, "Probe-Pass-2026")).as("locked after five failures").isNotEqualTo(200);
        JsonNode lock = api.raw("GET", stack.keycloak() + "/admin/realms/minyi/attack-detection/brute-force/users/" + userId,
                admin, null, null).body();
        assertThat(lock.path("disabled").asBoolean()).as(lock.toString()).isTrue();

        // Keycloak's events reach the audit log: the failed sign-ins, the account created in the admin console
        String auditor = api.token("auditor");
        JsonNode failed = await().atMost(Duration.ofSeconds(60)).until(() -> entry(api.get(auditor,
                "/api/audit?action=sign-in.failed&size=200").body(), "actorId", userId), e -> e != null);
        assertThat(failed.path("actorName").asText()).isEqualTo(user);
        assertThat(failed.path("source").asText()).isEqualTo("keycloak");
        api.raw("DELETE", stack.keycloak() + "/admin/realms/minyi/users/" + userId, admin, null, null);
    }

    @Test
    void theProductionRealmAsksTheOfficeLeadersAndAdministratorsForASecondFactor() throws Exception {
        String admin = kcAdmin();
        String realmName = "minyi-otp-check";
        String json = Files.readString(Path.of("../deploy/keycloak/minyi-realm-production.json"))
                .replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1") // the import placeholders' defaults
                .replace("\"realm\": \"minyi\"", "\"realm\": \"" + realmName + "\"");
        api.raw("DELETE", stack.keycloak() + "/admin/realms/" + realmName, admin, null, null);
        var imported = api.raw("POST", stack.keycloak() + "/admin/realms", admin, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as("Keycloak accepts the production realm: " + imported.body()).isEqualTo(201);
        try {
            createUser(admin, realmName, "otp-editor", "editor", "Editor-Pass-2026");
            createUser(admin, realmName, "otp-member", "member", "Member-Pass-2026");
            assertThat(browserSignIn(realmName, "otp-editor", "Editor-Pass-2026"))
                    .as("an editor is asked to set up a one-time code").contains("name=\"totp\"");
            assertThat(browserSignIn(realmName, "otp-member", "Member-Pass-2026"))
                    .as("a member is signed in with the password").startsWith("redirect:").contains("code=");
        } finally {
            api.raw("DELETE", stack.keycloak() + "/admin/realms/" + realmName, admin, null, null);
        }
    }

    /** The browser's sign-in on the gateway's client: the page after the password, or where it redirects. */
    private String browserSignIn(String realm, String username, String password) throws Exception {
        // a cookie jar that, like a browser on 127.0.0.1, sends Keycloak's Secure cookies over plain HTTP
        Map<String, String> jar = new java.util.LinkedHashMap<>();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().repeat(2).getBytes());
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:8080/login/oauth2/code/keycloak";
        String auth = stack.keycloak() + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=minyi-gateway"
                + "&response_type=code&scope=openid&state=s1&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        var first = browser.send(HttpRequest.newBuilder(URI.create(auth)).build(), HttpResponse.BodyHandlers.ofString());
        keep(jar, first);
        String page = first.body();
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page);
        assertThat(action.find()).as("the sign-in form").isTrue();
        String post = action.group(1).replace("&amp;", "&");
        var answer = browser.send(HttpRequest.newBuilder(URI.create(post))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies(jar))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=")).build(),
                HttpResponse.BodyHandlers.ofString());
        keep(jar, answer);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() == 302 && location.contains("/login-actions/required-action")) {
            // Keycloak's next step after the password: a required action such as setting up the one-time code
            return browser.send(HttpRequest.newBuilder(URI.create(location)).header("Cookie", cookies(jar)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        return answer.statusCode() == 302 ? "redirect:" + location : answer.body();
    }

    private static void keep(Map<String, String> jar, HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    private static String cookies(Map<String, String> jar) {
        return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String createUser(String admin, String realm, String username, String role, String password) throws Exception {
        String user = "{\"username\":\"" + username + "\",\"enabled\":true,\"emailVerified\":true,\"firstName\":\"测试\","
                + "\"lastName\":\"账号\",\"email\":\"" + username + "@minyi.example\",\"attributes\":{\"org\":[\"haikou\"]},"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}]}";
        var created = api.raw("POST", stack.keycloak() + "/admin/realms/" + realm + "/users", admin, "application/json",
                user.getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as("user " + username + ": " + created.body()).isEqualTo(201);
        String id = api.raw("GET", stack.keycloak() + "/admin/realms/" + realm + "/users?exact=true&username=" + username,
                admin, null, null).body().get(0).path("id").asText();
        JsonNode roleJson = api.raw("GET", stack.keycloak() + "/admin/realms/" + realm + "/roles/" + role, admin, null, null).body();
        var mapped = api.raw("POST", stack.keycloak() + "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm",
                admin, "application/json", ("[" + roleJson + "]").getBytes(StandardCharsets.UTF_8));
        assertThat(mapped.status()).isEqualTo(204);
        return id;
    }

    private static int passwordGrant(String username, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.tokenEndpoint("minyi")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=minyi-cli&grant_type=password&username=" + username
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private static String kcAdmin() throws Exception {
        return api.tokenFrom("master", "client_id=admin-cli&grant_type=password&username=kc-admin&password=kc-admin-dev");
    }

    private static String subject(String token) {
        return Api.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
    }

    /** The newest entry of an audit page whose {@code field} ({@code subject}, {@code actorId}) is {@code value}. */
    private static JsonNode entry(JsonNode page, String field, String value) {
        for (JsonNode e : page.path("entries")) {
            if (value.equals(e.path("event").path(field).asText())) {
                return e.path("event");
            }
        }
        return null;
    }

    /** Every record of the report on the event topic so far, as text. */
    private static String recordsOf(String reportId) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka(),
                ConsumerConfig.GROUP_ID_CONFIG, "privacy-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("minyi.report-events.v1"));
            List<String> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (reportId.equals(r.key())) {
                        found.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                });
                return !found.isEmpty();
            });
            return String.join("\n", found);
        }
    }
}
