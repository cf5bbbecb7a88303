package io.minyi.stats.projection;

/** Deterministic cell ids: {@code <body>|<period>|<partition>}, and {@code …|d} for its breakdowns. */
public final class CellIds {

    private CellIds() {
    }

    public static String main(String body, String period, int partition) {
        return body + "|" + period + "|" + partition;
    }

    public static String breakdown(String mainCell) {
        return mainCell + "|d";
    }
}
