package io.minyi.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department system calling the API through the gateway over one keep-alive connection: every proxied
 * answer keeps the connection (before, five answers in six ended it, as they came back on another event
 * loop), carries no session or CSRF cookie, and the bearer token is verified once, not per call.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"MINYI_ISSUER_URI=http://127.0.0.1:9/realms/minyi", "minyi.gateway.rate-limit.per-second=1000",
                "minyi.gateway.rate-limit.burst=1000"})
class ProxiedKeepAliveTest {

    private static final HttpServer INTAKE = intake();
    private static final AtomicInteger VERIFIED = new AtomicInteger();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("INTAKE_URI", () -> "http://127.0.0.1:" + INTAKE.getAddress().getPort());
    }

    @TestConfiguration
    static class Tokens {
        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> {
                if (!token.equals("dept-system-token")) {
                    return Mono.error(new BadJwtException("unknown"));
                }
                VERIFIED.incrementAndGet();
                return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("svc")
                        .claim("preferred_username", "service-account-haikou-housing").claim("azp", "haikou-housing")
                        .claim("org", "haikou").claim("realm_access", Map.of("roles", List.of("department")))
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build());
            };
        }
    }

    @AfterAll
    static void stop() {
        INTAKE.stop(0);
    }

    @Test
    void proxiedAnswersKeepTheConnectionAndSetNoCookies() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 60; i++) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reference"))
                    .header("Authorization", "Bearer dept-system-token").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("topics");
            assertThat(response.headers().firstValue("Connection")).as("call %d", i).isEmpty();
            assertThat(response.headers().allValues("Set-Cookie")).as("call %d", i).isEmpty();
        }
        assertThat(VERIFIED).as("the token is verified once, then taken from the cache").hasValue(1);
    }

    private static HttpServer intake() {
        return StubHttp.serve("/api/reference", exchange -> {
            byte[] body = "{\"topics\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
