package io.minyi.stats.projection;

/**
 * Deterministic cell ids: {@code <body>|<period>|<partition>} for the main counters; for the breakdowns
 * of a month or year {@code …|d|<dimension>} (one document per dimension: they are large), of a day
 * {@code …|d} (all dimensions in one: a day's are small, and a day is written far more often).
 */
public final class CellIds {

    private CellIds() {
    }

    public static String main(String body, String period, int partition) {
        return body + "|" + period + "|" + partition;
    }

    public static String breakdown(String mainCell, String period, String dimension) {
        return isDay(period) ? mainCell + "|d" : mainCell + "|d|" + dimension;
    }

    public static boolean isDay(String period) {
        return period.length() == 10;
    }
}
