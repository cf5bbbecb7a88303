package io.minyi.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;

/**
 * Bearer tokens this service has verified (signature, issuer, audience, time), kept until they expire
 * and for at most five minutes (the signing keys' cache time), so that the next call with the same token
 * is neither parsed nor RSA-verified again — 13 % of a service's CPU on a read (JFR, routing). An
 * expired or unknown token goes to Boot's decoder, which verifies or rejects it. The servlet twin of the
 * gateway's {@code VerifiedTokens} (reactive), kept apart because the gateway does not use service-support.
 */
final class VerifiedJwts implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(4096)
            .expireAfterWrite(Duration.ofMinutes(5)).executor(Runnable::run).build();
    private final Clock clock;

    VerifiedJwts(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt())) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** Wraps the decoder Boot configures for the resource server. */
    static BeanPostProcessor wrapping() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedJwts)
                        ? new VerifiedJwts(decoder, Clock.systemUTC()) : bean;
            }
        };
    }
}
