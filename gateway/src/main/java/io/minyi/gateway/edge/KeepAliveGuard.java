package io.minyi.gateway.edge;

import io.netty.channel.Channel;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Ends the connection ({@code Connection: close}) after a response that is committed off the
 * connection's own event loop. Such exchanges (the sign-in redirects, a 404 for the browser's
 * favicon, static files read from a directory: they finish on a Reactor worker thread) left the keep-alive connection unread now and
 * then: the browser's next request on it was handled two minutes after it was sent, with every thread
 * idle (seen in the browser tests, 2 runs in 3; the race is reactor-netty's keep-alive handling,
 * reactor/reactor-netty#4188 and #4361, fixed in releases after the 1.3.7 available here). The browser
 * opens a new connection for its next request instead; API calls, proxied on the event loop, keep theirs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class KeepAliveGuard implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (nativeRequest(exchange) instanceof Connection connection) {
            Channel channel = connection.channel();
            exchange.getResponse().beforeCommit(() -> {
                if (!channel.eventLoop().inEventLoop()) {
                    exchange.getResponse().getHeaders().set("Connection", "close");
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    private static Object nativeRequest(ServerWebExchange exchange) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (RuntimeException notOnNetty) { // a mock request in tests has none
            return null;
        }
    }
}
