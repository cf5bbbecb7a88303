package io.minyi.gateway.edge;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per caller: {@code perSecond} requests a second on average, bursts up to
 * {@code burst}. Kept in this gateway's memory (with several gateway instances each allows that much);
 * buckets idle long enough to be full again are dropped.
 */
public final class RateLimiter {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs perSecond > 0 and burst ≥ 1");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Takes one token for {@code caller}: empty when allowed, else how long until one is there. */
    public Duration take(String caller) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - bucket.tokens) / perNano));
        }
    }

    /** Drops the buckets that have refilled completely (called now and then). */
    public void forgetIdle() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().at) * perNano >= burst;
            }
        });
    }

    int callers() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
