package io.minyi.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what, over the running platform with real Keycloak tokens: bad tokens are refused at the
 * gateway and at the services' own ports alike, and a matrix of endpoints × callers related to one
 * street report in every way (own body, the bodies above, a sibling district and its street, the
 * author, another member, the assigned and another department) lets exactly the intended cells through.
 */
@Order(2)
class SecurityE2EIT extends OnPlatform {

    static final Path REPORTS = Path.of("target/security");

    @BeforeAll
    static void reports() throws Exception {
        Files.createDirectories(REPORTS);
    }

    @Test
    void tokensThatAreMissingForgedExpiredOrForSomeoneElseAre401AtTheGatewayAndAtTheServices() throws Exception {
        String good = api.token("member-district");
        String admin = api.tokenFrom("master", "client_id=admin-cli&grant_type=password&username=kc-admin&password=kc-admin-dev");
        String shortLived = shortLivedToken(admin);
        long expiredAt = System.currentTimeMillis() + 1_000;

        String[] parts = good.split("\\.");
        char flipped = parts[2].charAt(10) == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + flipped + parts[2].substring(11);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String wrongIssuer = admin; // a valid token of Keycloak's master realm
        String wrongAudience = api.tokenFrom("minyi", "client_id=admin-cli&grant_type=password&username=member-district&password=Minyi-2026-demo");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("none", null);
        bad.put("tampered signature", tampered);
        bad.put("alg none", unsigned);
        bad.put("wrong issuer", wrongIssuer);
        bad.put("wrong audience", wrongAudience);
        bad.put("not a JWT", "abc.def");
        // what a member may call at each: through the gateway, and at each service's own port
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(stack.gateway() + "/api/reports?scope=mine", "gateway");
        targets.put(stack.service("intake-service") + "/api/reports?scope=mine", "intake");
        targets.put(stack.service("routing-service") + "/api/queues", "routing");
        targets.put(stack.service("feedback-service") + "/api/notifications", "feedback");
        targets.put(stack.service("stats-service") + "/api/stats/members/me", "stats");

        StringBuilder table = new StringBuilder("| token | gateway | intake | routing | feedback | stats |\n|---|---|---|---|---|---|\n");
        for (String url : targets.keySet()) {
            assertThat(api.raw("GET", url, good, null, null).status()).as("the good token works at " + url).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> System.currentTimeMillis() > expiredAt + 61_000); // past Spring's 60 s clock skew
        bad.put("expired", shortLived);
        for (var token : bad.entrySet()) {
            table.append("| ").append(token.getKey());
            for (var target : targets.entrySet()) {
                int status = api.raw("GET", target.getKey(), token.getValue(), null, null).status();
                table.append(" | ").append(status);
                assertThat(status).as(token.getKey() + " at " + target.getValue()).isEqualTo(401);
            }
            table.append(" |\n");
        }
        Files.writeString(REPORTS.resolve("tokens.md"), table);
    }

    @Test
    void eachEndpointLetsThroughExactlyTheCallersRelatedToTheReportAsIntended() throws Exception {
        String id = assignedStreetReport();
        List<String> callers = List.of("editor-street", "leader-street", "editor-district", "editor-city", "member-street",
                "editor-meilan", "editor-haidian", "member-district", "dept-jinyu-office", "dept-meilan-housing");
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String caller : callers) {
            tokens.put(caller, api.token(caller));
        }
        Set<String> office = Set.of("editor-street", "leader-street", "editor-district", "editor-city");
        Set<String> readers = Set.of("editor-street", "leader-street", "editor-district", "editor-city", "member-street");
        String jinyu = "haikou/longhua/jinyu";
        // endpoint → the callers that get through (everyone else must get 403 or 404)
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        allowed.put("GET /api/reports/" + id, readers);
        allowed.put("GET /api/reports/" + id + "/workflow", readers);
        allowed.put("GET /api/reports/" + id + "/revisions", readers);
        allowed.put("GET /api/reports/" + id + "/attachments", readers);
        allowed.put("GET /api/reports/" + id + "/similar", office);
        allowed.put("GET /api/reports/" + id + "/feedback", readers);
        allowed.put("GET /api/reports?scope=incoming&org=" + jinyu, office);
        allowed.put("GET /api/worklist?scope=subtree", Set.of("editor-street", "leader-street", "editor-district", "editor-city",
                "editor-meilan", "editor-haidian")); // each sees its own subtree, checked below
        allowed.put("GET /api/stats/summary?org=" + jinyu, office);
        allowed.put("GET /api/inbox/" + id, Set.of("dept-jinyu-office"));
        allowed.put("POST /api/inbox/" + id + "/notes", Set.of("dept-jinyu-office"));
        // past the checks of who and where, the state check answers: 409 for the one office that may act
        allowed.put("POST /api/reports/" + id + "/transitions", Set.of("editor-street"));

        StringBuilder table = new StringBuilder("| endpoint | " + String.join(" | ", callers) + " |\n|---|"
                + "---|".repeat(callers.size()) + "\n");
        List<String> wrong = new java.util.ArrayList<>();
        for (var endpoint : allowed.entrySet()) {
            String[] mp = endpoint.getKey().split(" ", 2);
            table.append("| `").append(endpoint.getKey().replace(id, "{id}")).append("`");
            for (String caller : callers) {
                String body = mp[1].endsWith("/notes") ? "{\"text\":\"矩阵测试\"}"
                        : mp[1].endsWith("/transitions") ? "{\"action\":\"close\"}" : null;
                var reply = api.raw(mp[0], stack.gateway() + mp[1], tokens.get(caller), body == null ? null : "application/json",
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
                boolean through = reply.status() < 400 || (mp[1].endsWith("/transitions") && reply.status() == 409);
                table.append(" | ").append(reply.status());
                if (endpoint.getValue().contains(caller) != through || (!through && reply.status() != 403 && reply.status() != 404)) {
                    wrong.add(caller + " " + endpoint.getKey().replace(id, "{id}") + " → " + reply.status());
                }
                if (through && mp[1].startsWith("/api/worklist")) {
                    boolean sees = reply.body().toString().contains(id);
                    boolean should = Set.of("editor-street", "leader-street", "editor-district", "editor-city").contains(caller);
                    if (sees != should) {
                        wrong.add(caller + " worklist " + (sees ? "shows" : "misses") + " the report");
                    }
                }
            }
            table.append(" |\n");
        }
        Files.writeString(REPORTS.resolve("matrix.md"), table);
        assertThat(wrong).as("cells that let the wrong caller through or refuse the right one; see target/security/matrix.md")
                .isEmpty();
    }

    /** A street group's report, signed off and assigned by that street's office to 金宇街道办. */
    private static String assignedStreetReport() throws Exception {
        String member = api.token("member-street");
        String editor = api.token("editor-street");
        var submitted = api.post(member, "/api/reports", "{\"title\":\"金宇街道背街小巷路灯不亮\","
                + "\"body\":\"金宇街道多条背街小巷路灯损坏，夜间出行不便。建议尽快排查维修。\"}");
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200);
        assertThat(api.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"start-editing\"}").status()).isEqualTo(200);
        assertThat(api.post(api.token("leader-street"), "/api/reports/" + id + "/transitions", "{\"action\":\"sign-off\"}").status())
                .isEqualTo(200);
        assertThat(api.post(editor, "/api/reports/" + id + "/transitions",
                "{\"action\":\"assign\",\"department\":\"jinyu-office\"}").status()).isEqualTo(200);
        String handler = api.token("dept-jinyu-office");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(handler, "/api/inbox/" + id).status() == 200);
        return id;
    }

    /** A user token that expires a second after it is issued, from a probe client made for this test. */
    private static String shortLivedToken(String admin) throws Exception {
        String client = "{\"clientId\":\"security-probe\",\"publicClient\":true,\"directAccessGrantsEnabled\":true,"
                + "\"attributes\":{\"access.token.lifespan\":\"1\"},\"protocolMappers\":[{\"name\":\"aud\","
                + "\"protocol\":\"openid-connect\",\"protocolMapper\":\"oidc-audience-mapper\",\"config\":"
                + "{\"included.custom.audience\":\"minyi-api\",\"access.token.claim\":\"true\"}}]}";
        var created = api.raw("POST", stack.keycloak() + "/admin/realms/minyi/clients", admin, "application/json",
                client.getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as("probe client created").isIn(201, 409);
        return api.tokenFrom("minyi", "client_id=security-probe&grant_type=password&username=member-district&password=Minyi-2026-demo");
    }
}
