package io.minyi.stats.projection.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counters summed over cells, by dotted name ({@code rcv}, {@code lv.city}, {@code topic.transport.adp}). */
public record Totals(Map<String, Long> counters) {

    public static Totals empty() {
        return new Totals(new TreeMap<>());
    }

    public long get(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public void add(String name, long n) {
        counters.merge(name, n, Long::sum);
    }

    /** The counters under {@code prefix.}, by the rest of their names. */
    public Map<String, Long> under(String prefix) {
        Map<String, Long> sub = new LinkedHashMap<>();
        String p = prefix + ".";
        counters.forEach((k, v) -> {
            if (k.startsWith(p)) {
                sub.put(k.substring(p.length()), v);
            }
        });
        return sub;
    }

    /** Histogram buckets under {@code prefix.} ({@code hs}, {@code hr}) by bucket index. */
    public Map<Integer, Long> buckets(String prefix) {
        Map<Integer, Long> b = new TreeMap<>();
        under(prefix).forEach((k, v) -> b.put(Integer.parseInt(k), v));
        return b;
    }

    /** Breakdown rows of one dimension: value → its counters. */
    public Map<String, Totals> rows(String dimension) {
        Map<String, Totals> rows = new TreeMap<>();
        under(dimension).forEach((k, v) -> {
            int dot = k.indexOf('.');
            rows.computeIfAbsent(Keys.decode(k.substring(0, dot)), x -> Totals.empty()).add(k.substring(dot + 1), v);
        });
        return rows;
    }
}
