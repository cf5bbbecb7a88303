package io.minyi.gateway.edge;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

    @Test
    void aBurstIsAllowedThenTheCallerWaitsForTheNextToken() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("user:a")).isZero();
        }
        assertThat(limiter.take("user:a")).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.take("user:a")).isZero();
        assertThat(limiter.take("user:a")).isPositive();
    }

    @Test
    void callersHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.take("user:a");
        }
        assertThat(limiter.take("user:a")).isPositive();
        assertThat(limiter.take("client:dept-longhua-housing-system")).isZero();
    }

    @Test
    void idleCallersAreForgottenOnceTheirBucketIsFullAgain() {
        limiter.take("user:a");
        limiter.take("user:b");
        limiter.forgetIdle();
        assertThat(limiter.callers()).isEqualTo(2);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        limiter.take("user:b");
        limiter.forgetIdle();
        assertThat(limiter.callers()).isEqualTo(1);
    }
}
