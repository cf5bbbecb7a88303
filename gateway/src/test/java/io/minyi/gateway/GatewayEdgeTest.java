package io.minyi.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/** Security headers, CORS, size limits, request ids, rate limits and the role/org gate at the gateway. */
@SpringBootTest(properties = {"MINYI_ISSUER_URI=http://127.0.0.1:9/realms/minyi",
        "minyi.gateway.rate-limit.per-second=1", "minyi.gateway.rate-limit.burst=3",
        "minyi.gateway.max-request-size=1KB"})
@AutoConfigureWebTestClient
class GatewayEdgeTest {

    @Autowired WebTestClient web;
    @Autowired ApplicationContext context;

    private WebTestClient as(String user, String org, String... roles) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().jwt(jwt -> jwt.claim("preferred_username", user).claim("org", org)
                        .claim("realm_access", Map.of("roles", List.of(roles)))));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        var headers = web.get().uri("/").exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'").contains("form-action 'self' http://127.0.0.1:9");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(headers.getFirst("Strict-Transport-Security")).as("only on HTTPS").isNull();
        web.get().uri("/start.js").exchange().expectStatus().isOk();
    }

    @Test
    void crossOriginCallsAreRefused() {
        web.options().uri("/api/me").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void everyAnswerCarriesARequestIdAndASensibleOneIsKept() {
        String fresh = web.get().uri("/").exchange().returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(fresh).matches("[0-9a-f-]{36}");
        web.get().uri("/").header("X-Request-Id", "abc-123-def").exchange().expectHeader().valueEquals("X-Request-Id", "abc-123-def");
        String replaced = web.get().uri("/").header("X-Request-Id", "<script>").exchange().returnResult(String.class)
                .getResponseHeaders().getFirst("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f-]{36}");
    }

    @Test
    void aBodyOverTheLimitIs413ProblemJson() {
        as("member-a", "haikou/longhua", "member").post().uri("/api/reports").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "zh-CN").bodyValue("{\"title\":\"" + "很".repeat(1000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("request-too-large")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("请求内容过大"));
    }

    @Test
    void aRoleThatMayNotCallAnApiGets403BeforeAnyService() {
        as("member-b", "haikou/longhua", "member").get().uri("/api/inbox").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden-role");
    }

    @Test
    void aSiblingsBodyInTheQueryIs403() {
        as("editor-c", "haikou/longhua", "editor").get().uri("/api/stats/summary?org=haikou/meilan")
                .header("Accept-Language", "en").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("foreign-org")
                .jsonPath("$.detail").isEqualTo("You may only see your own body and the bodies below it.");
    }

    @Test
    void aCallerOverTheRateLimitGets429WithRetryAfterAndOthersGoOn() {
        var client = as("leader-d", "haikou", "leader");
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/me").exchange().expectStatus().isOk();
        }
        client.get().uri("/api/me").exchange().expectStatus().isEqualTo(429)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody().jsonPath("$.code").isEqualTo("rate-limited");
        as("leader-e", "haikou", "leader").get().uri("/api/me").exchange().expectStatus().isOk();
    }
}
