package io.minyi.gateway.edge;

import io.netty.channel.Channel;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Writes every API response on its connection's own event loop, and ends the connection
 * ({@code Connection: close}) after any other response that is committed off the connection's own
 * event loop. Such exchanges (the sign-in redirects, a 404 for the browser's
 * favicon, static files read from a directory: they finish on a Reactor worker thread) left the keep-alive connection unread now and
 * then: the browser's next request on it was handled two minutes after it was sent, with every thread
 * idle (seen in the browser tests, 2 runs in 3; the race is reactor-netty's keep-alive handling,
 * reactor/reactor-netty#4188 and #4361, fixed in releases after the 1.3.7 available here). The browser
 * opens a new connection for its next request instead.
 * <p>A proxied API response arrives on the event loop of the gateway's connection to the service,
 * which is another loop than the caller's five times in six: each such answer ended the caller's
 * connection, so a department system or a browser's script opened a new TCP connection for nearly
 * every call (measured with wrk: a new connection per request through the gateway). An API response is
 * therefore written (subscribed, and every signal delivered) on the caller's loop, where the keep-alive
 * handling is safe, and the connection stays open; pages and sign-in exchanges keep the rule above.
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
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (path.startsWith("/api/") || path.startsWith("/open311/")) {
                Scheduler loop = Schedulers.fromExecutor(channel.eventLoop());
                return chain.filter(exchange.mutate().response(onLoop(exchange.getResponse(), loop)).build());
            }
        }
        return chain.filter(exchange);
    }

    private static ServerHttpResponse onLoop(ServerHttpResponse response, Scheduler loop) {
        return new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return Mono.defer(() -> super.writeWith(Flux.from(body).publishOn(loop))).subscribeOn(loop)
                        .publishOn(loop);
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return Mono.defer(() -> super.writeAndFlushWith(Flux.from(body).publishOn(loop))).subscribeOn(loop)
                        .publishOn(loop);
            }

            @Override
            public Mono<Void> setComplete() {
                return Mono.defer(super::setComplete).subscribeOn(loop).publishOn(loop);
            }
        };
    }

    private static Object nativeRequest(ServerWebExchange exchange) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        } catch (RuntimeException notOnNetty) { // a mock request in tests has none
            return null;
        }
    }
}
