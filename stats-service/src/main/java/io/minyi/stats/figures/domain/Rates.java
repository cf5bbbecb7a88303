package io.minyi.stats.figures.domain;

/** Ratios rounded to four places; none (null) when there is nothing to divide by. */
public final class Rates {

    private Rates() {
    }

    public static Double of(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
