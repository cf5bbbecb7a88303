package io.minyi.gateway.edge;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** RFC 9457 problems written by the gateway itself, in Chinese unless the caller asked for English. */
public final class Problems {

    private Problems() {
    }

    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String zh, String en) {
        return write(exchange, status, code, zh, en, true);
    }

    /**
     * @param drain read what is left of the request first, so the keep-alive connection stays usable;
     *              without it (a body too large to read) the connection is closed after the answer
     */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String zh, String en,
                            boolean drain) {
        String language = exchange.getRequest().getHeaders().getFirst("Accept-Language");
        boolean english = language != null && language.toLowerCase().startsWith("en");
        String json = "{\"type\":\"https://minyi.io/problems/" + code + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(english ? en : zh)
                + "\",\"code\":\"" + code + "\",\"instance\":\"" + escape(exchange.getRequest().getPath().value())
                + "\"}";
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var buffer = response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8));
        if (!drain) {
            response.getHeaders().set("Connection", "close");
            return response.writeWith(Mono.just(buffer));
        }
        return afterReadingTheRequest(exchange, () -> response.writeWith(Mono.just(buffer)));
    }

    /**
     * Answers only once the rest of the request has been read (and dropped): an answer written before
     * that left the next request on the keep-alive connection unanswered now and then.
     */
    public static Mono<Void> afterReadingTheRequest(ServerWebExchange exchange, Supplier<Mono<Void>> answer) {
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).onErrorComplete()
                .then(Mono.defer(answer));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
