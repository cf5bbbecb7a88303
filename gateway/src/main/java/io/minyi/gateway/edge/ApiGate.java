package io.minyi.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.nimbusds.jwt.JWTParser;

import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs after sign-in is settled (a plain web filter, after Spring Security's chain): each API call is
 * counted against its caller's rate limit (per person; per client for a department system's service
 * account) — over it, 429 with {@code Retry-After} — and then checked by {@link AccessRules}.
 */
@Component
public class ApiGate implements WebFilter {

    private final RateLimiter limiter;
    private final AtomicLong calls = new AtomicLong();
    private final ServerOAuth2AuthorizedClientRepository clients;
    private final GatewayAudit audit;

    public ApiGate(@Value("${minyi.gateway.rate-limit.per-second:50}") double perSecond,
                   @Value("${minyi.gateway.rate-limit.burst:200}") int burst,
                   ServerOAuth2AuthorizedClientRepository clients, GatewayAudit audit) {
        this.limiter = new RateLimiter(perSecond, burst, System::nanoTime);
        this.clients = clients;
        this.audit = audit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/") && !path.startsWith("/open311/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(Authentication.class::isInstance).cast(Authentication.class)
                .flatMap(authentication -> claims(authentication, exchange))
                .map(claims -> check(exchange, path, claims))
                .defaultIfEmpty(Optional.empty())
                .flatMap(refusal -> refusal.orElseGet(() -> chain.filter(exchange)));
    }

    /** Empty when the call may go on. */
    private Optional<Mono<Void>> check(ServerWebExchange exchange, String path, Claims claims) {
        if (calls.incrementAndGet() % 10_000 == 0) {
            limiter.forgetIdle();
        }
        Duration wait = limiter.take(claims.callerKey());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
            return Optional.of(Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "请求过于频繁，请 " + seconds + " 秒后再试。", "Too many requests: try again in " + seconds + " s."));
        }
        return AccessRules.check(exchange.getRequest().getMethod().name(), path, claims.roles(),
                        claims.string("org"), exchange.getRequest().getQueryParams())
                .map(denial -> {
                    audit.record(exchange, GatewayAudit.Who.of(claims.map()), io.minyi.contracts.audit.AuditEvent.Actions.ACCESS_DENIED,
                            path, io.minyi.contracts.audit.AuditEvent.DENIED, denial.code());
                    return Problems.write(exchange, HttpStatus.FORBIDDEN, denial.code(), denial.zh(), denial.en());
                });
    }

    /**
     * The claims of the caller's access token: a bearer token was verified by the resource server; a
     * browser session's token came from Keycloak over the back channel and is kept server-side, so it is
     * only parsed (it may have expired since: the token relay renews it and the services verify it).
     */
    private Mono<Claims> claims(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof JwtAuthenticationToken bearer) {
            return Mono.just(new Claims(bearer.getToken().getClaims()));
        }
        return clients.<OAuth2AuthorizedClient>loadAuthorizedClient("keycloak", authentication, exchange)
                .flatMap(c -> {
                    try {
                        return Mono.just(new Claims(JWTParser.parse(c.getAccessToken().getTokenValue())
                                .getJWTClaimsSet().getClaims()));
                    } catch (ParseException e) {
                        return Mono.empty();
                    }
                });
    }

    record Claims(Map<String, Object> map) {
        String string(String name) {
            return map.get(name) instanceof String s ? s : null;
        }

        /** A department system's service account is limited as its client, a person as themself. */
        String callerKey() {
            String user = string("preferred_username");
            String client = string("azp");
            if (user != null && user.startsWith("service-account-") && client != null) {
                return "client:" + client;
            }
            return "user:" + (user != null ? user : string("sub"));
        }

        Collection<String> roles() {
            return map.get("realm_access") instanceof Map<?, ?> realmAccess
                    && realmAccess.get("roles") instanceof Collection<?> r
                    ? r.stream().map(String::valueOf).toList() : List.of();
        }
    }
}
