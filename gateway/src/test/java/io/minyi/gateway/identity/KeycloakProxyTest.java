package io.minyi.gateway.identity;

import com.sun.net.httpserver.HttpServer;
import io.minyi.gateway.StubHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With only the gateway published, the browser signs in through it: /auth/** reaches Keycloak as it was
 * sent (a login form post needs no gateway session or CSRF cookie), the admin console does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "MINYI_ISSUER_URI=http://127.0.0.1:9/auth/realms/minyi")
class KeycloakProxyTest {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final HttpServer KEYCLOAK = keycloak();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void keycloakBehindTheGateway(DynamicPropertyRegistry registry) {
        registry.add("minyi.gateway.keycloak-proxy.uri", () -> "http://127.0.0.1:" + KEYCLOAK.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        KEYCLOAK.stop(0);
    }

    @Test
    void signInPagesPassThroughTheGatewayButTheAdminConsoleDoesNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(uri("/auth/realms/minyi/protocol/openid-connect/auth?client_id=minyi-gateway"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("keycloak GET /auth/realms/minyi/protocol/openid-connect/auth?client_id=minyi-gateway");
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("Keycloak's own policy is kept")
                .hasValue("frame-ancestors 'self'");

        var login = http.send(HttpRequest.newBuilder(uri("/auth/realms/minyi/login-actions/authenticate?session_code=x"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=member-city&password=p")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).startsWith("keycloak POST /auth/realms/minyi/login-actions/authenticate");

        int seen = SEEN.size();
        for (String admin : new String[]{"/auth/admin", "/auth/admin/master/console/"}) {
            var refused = http.send(HttpRequest.newBuilder(uri(admin)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(refused.statusCode()).as(admin).isEqualTo(404);
        }
        assertThat(SEEN).hasSize(seen);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpServer keycloak() {
        return StubHttp.serve("/", exchange -> {
            String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
            SEEN.add(line);
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("keycloak " + line).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Security-Policy", "frame-ancestors 'self'");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
