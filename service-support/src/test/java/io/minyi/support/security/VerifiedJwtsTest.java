package io.minyi.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedJwtsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder keycloak = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("editor-city")
                .issuedAt(NOW.minusSeconds(10)).expiresAt(NOW.plusSeconds(60)).build();
    };

    @Test
    void aTokenIsVerifiedOnceWhileItIsValidAndAgainOnceItHasExpired() {
        var jwts = new VerifiedJwts(keycloak, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(jwts.decode("good")).isSameAs(jwts.decode("good"));
        assertThat(verifications).hasValue(1);
        var later = new VerifiedJwts(keycloak, Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        later.decode("good");
        later.decode("good");
        assertThat(verifications).as("expired copies go back to the decoder").hasValue(3);
    }

    @Test
    void aRejectedTokenIsNeverKept() {
        var jwts = new VerifiedJwts(keycloak, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> jwts.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> jwts.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
