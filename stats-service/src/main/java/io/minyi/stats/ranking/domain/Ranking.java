package io.minyi.stats.ranking.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Standard competition ranking ("1224"): items in order; items equal on every ranking key share a
 * rank and the next rank skips as many places as shared it. Ties are never broken by name — equal
 * items are listed by key only so the order is stable.
 */
public final class Ranking {

    public record Ranked<T>(int rank, T item) {
    }

    private Ranking() {
    }

    public static <T> List<Ranked<T>> rank(List<T> items, Comparator<T> byKeys, Comparator<T> stable) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(byKeys.thenComparing(stable));
        List<Ranked<T>> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int rank = i > 0 && byKeys.compare(sorted.get(i - 1), sorted.get(i)) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Ranked<>(rank, sorted.get(i)));
        }
        return ranked;
    }

    /** Descending by a nullable number, missing values last. */
    public static <T> Comparator<T> desc(java.util.function.Function<T, ? extends Number> value) {
        return Comparator.comparing((T t) -> value.apply(t) == null ? Double.NEGATIVE_INFINITY
                : value.apply(t).doubleValue()).reversed();
    }
}
