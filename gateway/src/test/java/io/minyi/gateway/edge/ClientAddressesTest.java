package io.minyi.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressesTest {

    final ClientAddresses behindIngress = new ClientAddresses(List.of("10.0.0.0/8", "192.168.1.5"));

    ServerWebExchange through(ClientAddresses filter, String socket, String... forwardedFor) {
        var request = MockServerHttpRequest.get("http://minyi.example/api/reports")
                .remoteAddress(new InetSocketAddress(socket, 40000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example");
        AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), e -> {
            seen.set(e);
            return Mono.empty();
        }).block();
        return seen.get();
    }

    @Test
    void aForgedHeaderFromABrowserIsDroppedAndTheSocketIsTheClient() {
        var seen = through(behindIngress, "203.0.113.7", "6.6.6.6");
        assertThat((String) seen.getAttribute(ClientAddresses.ATTRIBUTE)).isEqualTo("203.0.113.7");
        assertThat(seen.getRequest().getHeaders().get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(seen.getRequest().getURI().getHost()).as("nor its host").isEqualTo("minyi.example");
        assertThat(seen.getRequest().getHeaders().containsHeader("X-Forwarded-Proto")).isFalse();
    }

    @Test
    void behindTheIngressTheClientIsTheLastAddressNotAProxy() {
        var seen = through(behindIngress, "10.1.2.3", "6.6.6.6, 198.51.100.20, 192.168.1.5");
        assertThat((String) seen.getAttribute(ClientAddresses.ATTRIBUTE)).as("what the browser claimed is ignored")
                .isEqualTo("198.51.100.20");
        assertThat(seen.getRequest().getHeaders().get("X-Forwarded-For")).containsExactly("198.51.100.20");
        assertThat(seen.getRequest().getURI().getScheme()).as("the ingress's scheme applies").isEqualTo("https");
    }

    @Test
    void withoutConfiguredProxiesNothingForwardedCountsAndHostnamesAreNeverLookedUp() {
        var none = new ClientAddresses(List.of());
        assertThat((String) through(none, "127.0.0.1", "6.6.6.6").getAttribute(ClientAddresses.ATTRIBUTE))
                .isEqualTo("127.0.0.1");
        assertThat(behindIngress.client("10.1.2.3", List.of("6.6.6.6, evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(behindIngress.trusts("localhost")).isFalse();
        assertThat(behindIngress.client("10.1.2.3", List.of("2001:db8::1", "10.9.9.9"))).isEqualTo("2001:db8::1");
    }
}
