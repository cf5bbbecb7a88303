package io.minyi.stats.projection.domain;

import java.util.Map;

/**
 * Durations in hours counted into fixed buckets, so histograms of any set of cells add up and
 * medians and 90th percentiles come from the sum: linear interpolation inside the bucket that holds
 * the rank, accurate to the bucket's width (an hour at first, days in the long tail).
 */
public final class Histogram {

    /** Upper bounds (exclusive) of the buckets in hours; the last bucket is open. */
    static final double[] BOUNDS = {1, 2, 4, 8, 12, 24, 48, 72, 96, 120, 168, 240, 336, 480, 720, 1080, 1440, 2160,
            4320, 8760};

    private Histogram() {
    }

    /** The bucket of a duration in hours. */
    public static int bucket(double hours) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (hours < BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    /**
     * The {@code q}-quantile (0 < q ≤ 1) of the counts per bucket (bucket index → count) in hours, rounded
     * to a tenth; null without any count.
     */
    public static Double quantile(Map<Integer, Long> counts, double q) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        double rank = q * total;
        long seen = 0;
        for (int i = 0; i <= BOUNDS.length; i++) {
            long n = counts.getOrDefault(i, 0L);
            if (n > 0 && seen + n >= rank) {
                double low = i == 0 ? 0 : BOUNDS[i - 1];
                double high = i < BOUNDS.length ? BOUNDS[i] : low * 2;
                double value = low + (high - low) * ((rank - seen) / n);
                return Math.round(value * 10) / 10.0;
            }
            seen += n;
        }
        return null;
    }
}
