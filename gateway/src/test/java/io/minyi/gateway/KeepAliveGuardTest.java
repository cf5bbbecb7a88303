package io.minyi.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does around sign-in, over real keep-alive connections: the sign-in redirect and the
 * favicon's 404 (both finish off the connection's event loop) end their connection; every request is
 * answered. Before {@code KeepAliveGuard}, a request reusing such a connection was at times left unread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "MINYI_ISSUER_URI=http://127.0.0.1:9/realms/minyi")
class KeepAliveGuardTest {

    @LocalServerPort int port;

    @Test
    void responsesFinishedOffTheEventLoopEndTheirConnectionAndEveryRequestIsAnswered() throws Exception {
        // a bearer API call is answered on the event loop and keeps its connection
        var api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/worklist"))
                        .header("Authorization", "Bearer x").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Connection")).isEmpty();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<String> unanswered = new ArrayList<>();
        List<String> closedAfter = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            for (String path : new String[]{"/oauth2/authorization/keycloak", "/favicon.ico", "/", "/start.js",
                    "/app/index.html"}) {
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(3)).GET().build();
                try {
                    var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.headers().firstValue("Connection").filter("close"::equalsIgnoreCase).isPresent()) {
                        closedAfter.add(path);
                    }
                } catch (java.net.http.HttpTimeoutException e) {
                    unanswered.add(i + " " + path);
                }
            }
        }
        assertThat(unanswered).isEmpty();
        assertThat(closedAfter).contains("/oauth2/authorization/keycloak");
    }
}
