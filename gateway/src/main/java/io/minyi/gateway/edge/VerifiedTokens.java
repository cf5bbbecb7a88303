package io.minyi.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Bearer tokens the resource server has verified (signature, issuer, audience, time), kept for a few
 * minutes so that the next request with the same token is not parsed and RSA-verified again: that was
 * a fifth of the gateway's CPU per request, for a department system or a browser's script sending
 * the same token hundreds of times. A kept token is used only while it has not expired; an expired
 * or unknown one goes to the real decoder, which rejects or verifies it. Keeping verified tokens no
 * longer than the signing keys are cached means a key Keycloak withdraws stops working as soon as before.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    public VerifiedTokens(ReactiveJwtDecoder decoder, long maximum, Duration keep, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximum).expireAfterWrite(keep)
                .executor(Runnable::run).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt())) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
