package io.minyi.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies over the limit (default 21 MB: a 20 MB attachment and its multipart
 * envelope) with 413, before they reach a service: by the declared length at once, and for a body
 * sent without one as soon as it has grown past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestLimits implements WebFilter {

    private final long maxBytes;

    public RequestLimits(@Value("${minyi.gateway.max-request-size:21MB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        var counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(new TooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(TooLarge.class, e -> exchange.getResponse().isCommitted() ? Mono.empty() : tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        long mb = maxBytes / (1024 * 1024);
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "请求内容过大：不能超过 " + mb + " MB。", "The request is too large: at most " + mb + " MB.", false);
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body over the limit", null, false, false);
        }
    }
}
