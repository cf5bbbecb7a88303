package io.minyi.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant expiry = NOW.plusSeconds(300);
    private boolean expired;

    private final ReactiveJwtDecoder keycloak = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("signature"));
        }
        if (expired && token.startsWith("late")) {
            return Mono.error(new BadJwtException("expired"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("member-city")
                .issuedAt(NOW.minusSeconds(10)).expiresAt(expiry).build());
    };

    @Test
    void aTokenIsVerifiedOnceAndThenTakenFromTheCache() {
        var tokens = new VerifiedTokens(keycloak, 100, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        Jwt first = tokens.decode("good").block();
        Jwt second = tokens.decode("good").block();
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRejectedTokenIsAskedAboutEveryTime() {
        var tokens = new VerifiedTokens(keycloak, 100, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void anExpiredTokenGoesBackToTheDecoderWhichRejectsIt() {
        var clock = new MutableClock(NOW.minusSeconds(60));
        var tokens = new VerifiedTokens(keycloak, 100, Duration.ofMinutes(5), clock);
        expiry = NOW;
        assertThat(tokens.decode("late").block()).isNotNull();
        clock.now = NOW.plusSeconds(1);
        expired = true;
        assertThatThrownBy(() -> tokens.decode("late").block()).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theCacheKeepsNoMoreThanItsMaximum() {
        var tokens = new VerifiedTokens(keycloak, 10, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        for (int i = 0; i < 100; i++) {
            tokens.decode("good-" + i).block();
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(10);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
