package io.minyi.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTest {

    private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final BearerTokens ours = new BearerTokens();

    /** Spring Security's converter is the reference: the same token, the same refusal, the same silence. */
    @Test
    void readsTheHeaderAsSpringSecuritysConverterDoes() {
        List<String> headers = new ArrayList<>(List.of("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", "bearer abc==",
                "BEARER abc", "Bearer ", "Bearer", "Bearer  abc", "Bearer abc def", "Bearer abc=d", "Bearer =", "Basic dXNlcg==",
                "Bearerabc", "Bearer a~b+c/d-e.f_g", "Bearer 政协", "Token abc", ""));
        Random random = new Random(3);
        String alphabet = "aZ09-._~+/= \t%政";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer");
            for (int j = random.nextInt(8); j > 0; j--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(s.toString());
        }
        for (String header : headers) {
            assertThat(outcome(ours, header)).as(header).isEqualTo(outcome(spring, header));
        }
    }

    private static String outcome(org.springframework.security.web.server.authentication.ServerAuthenticationConverter converter,
                                  String header) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/reference").header("Authorization", header));
        try {
            Authentication authentication = converter.convert(exchange).block();
            return authentication == null ? "none" : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (RuntimeException e) {
            return "refused " + e.getMessage();
        }
    }
}
