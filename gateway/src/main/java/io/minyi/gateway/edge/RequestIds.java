package io.minyi.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a sensible one, else a new
 * UUID. It goes to the service with the forwarded request (which logs it with every line), back to the
 * caller in the response, and into the gateway's access log line ({@code minyi.access}: method, path,
 * status, ms). Which requests get that line is {@code minyi.gateway.access-log}: {@code problems} (the
 * default: answers of 400 and above, and requests slower than {@code minyi.gateway.access-log-slow},
 * 1 s) or {@code all} — a line for every request was 5 % of the gateway's CPU under load, and the
 * request metrics count every request anyway.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Logger ACCESS = LoggerFactory.getLogger("minyi.access");

    private final boolean everyRequest;
    private final long slowNanos;

    public RequestIds(@Value("${minyi.gateway.access-log:problems}") String accessLog,
                      @Value("${minyi.gateway.access-log-slow:1s}") Duration slow) {
        if (!accessLog.equals("all") && !accessLog.equals("problems")) {
            throw new IllegalArgumentException("minyi.gateway.access-log must be all or problems, not " + accessLog);
        }
        this.everyRequest = accessLog.equals("all");
        this.slowNanos = slow.toNanos();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        var request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        var mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(ATTRIBUTE, id);
        mutated.getResponse().getHeaders().set(HEADER, id);
        long started = System.nanoTime();
        return chain.filter(mutated).doFinally(signal -> log(mutated, id, started));
    }

    private void log(ServerWebExchange exchange, String id, long started) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        var status = exchange.getResponse().getStatusCode();
        long took = System.nanoTime() - started;
        if (!everyRequest && took < slowNanos && status != null && status.value() < 400) {
            return;
        }
        MDC.put("requestId", id);
        try {
            ACCESS.info("{} {} {} {}ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    status == null ? 0 : status.value(), took / 1_000_000);
        } finally {
            MDC.remove("requestId");
        }
    }
}
