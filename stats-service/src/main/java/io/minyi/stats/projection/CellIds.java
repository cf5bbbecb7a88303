package io.minyi.stats.projection;

/** Deterministic cell ids: {@code <body>|<period>|<partition>}, and {@code …|d|<dimension>} for one of its breakdowns. */
public final class CellIds {

    private CellIds() {
    }

    public static String main(String body, String period, int partition) {
        return body + "|" + period + "|" + partition;
    }

    public static String breakdown(String mainCell, String dimension) {
        return mainCell + "|d|" + dimension;
    }
}
