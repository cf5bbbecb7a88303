package io.minyi.stats.projection.domain;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one report adds to the counters of the cells it falls in: the cells of its body and every body
 * above it for the day, month and year it was received (statistics count reports by when they were
 * received). The main counters are the same in every cell; so are the breakdown rows (by topic, sector,
 * channel, station, department, member, co-author and body level, {@link #rows}), except the sub-body a
 * report came through, which depends on the body looking ({@link #via}). Breakdown rows and labels are
 * keyed by the field names of the cell documents ({@code topic:transport:rcv}, see {@link Keys}). The
 * difference of two contributions of the same report is what an event changed — applied once per cell,
 * it keeps every cell equal to the sum over its reports.
 */
public record Contribution(LocalDate day, List<String> bodies, Map<String, Long> main,
                           Map<String, Map<String, Long>> rows, Map<String, Map<String, Long>> via,
                           Map<String, String> labels) {

    public static final Contribution NONE = new Contribution(null, List.of(), Map.of(), Map.of(), Map.of(), Map.of());

    /** Breakdown dimensions: {@code body} is the sub-body a report came through (or {@link #SELF}). */
    public static final List<String> DIMENSIONS = List.of("topic", "sector", "channel", "station", "department",
            "member", "coauthor", "level", "body");
    public static final String SELF = "_self";
    public static final String NONE_VALUE = "_none";
    /** The dimension whose breakdown documents hold the labels (members' names). */
    public static final String LABELLED = "member";

    public static Contribution of(ReportFact f) {
        LocalDate day = f.submittedDay();
        if (day == null) {
            return NONE; // not known to be received yet: counted once report.submitted arrives
        }
        OrgPath org = OrgPath.of(f.org);
        Map<String, Long> counters = counters(f);
        Map<String, Long> main = new LinkedHashMap<>(counters);
        main.put("wdr", f.withdrawnAt != null ? 1L : 0L);
        main.put("rej", f.rejectedAt != null ? 1L : 0L);
        main.put("mrg", f.mergedAt != null ? 1L : 0L);
        main.put("fwd", f.forwardedAt != null ? 1L : 0L);
        main.put("insN", (long) f.instructions);
        main.put("st." + f.status(), 1L);
        if (f.signedOffAt != null) {
            main.merge("hs." + Histogram.bucket(hours(f.submittedAt, f.signedOffAt)), 1L, Long::sum);
        }
        if (f.respondedAt != null && f.assignedAt != null) {
            main.merge("hr." + Histogram.bucket(hours(f.assignedAt, f.respondedAt)), 1L, Long::sum);
        }
        List<String> bodies = org.selfAndAncestors();
        Map<String, Map<String, Long>> rows = new HashMap<>();
        Map<String, Map<String, Long>> via = new HashMap<>();
        if (f.withdrawnAt == null) {
            Map<String, String> fieldNames = new HashMap<>();
            counters.keySet().forEach(name -> fieldNames.put(name, Keys.field(name)));
            values(f, org).forEach((dim, value) -> rows.put(dim, row(dim, value, counters, fieldNames)));
            for (String coAuthor : f.coAuthors) {
                Map<String, Long> row = rows.computeIfAbsent("coauthor", d -> new HashMap<>());
                row(coAuthorKey(coAuthor), "coauthor", counters, fieldNames, row, true);
            }
            credited(f, counters, fieldNames, rows);
            for (String body : bodies) {
                via.put(body, row("body", childOnTheWay(org.value(), body), counters, fieldNames));
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (f.authorId != null && f.authorName != null) {
            labels.put(label(f.authorId), f.authorName);
        }
        for (ReportFact.Credit c : f.credited) {
            if (c.authorName() != null && !c.authorId().equals(f.authorId)) {
                labels.put(label(c.authorId()), c.authorName());
            }
        }
        return new Contribution(day, bodies, main, rows, via, labels);
    }

    /** One breakdown row: the counters {@code dim} keeps, under the value's fields. */
    private static Map<String, Long> row(String dim, String value, Map<String, Long> counters,
                                         Map<String, String> fieldNames) {
        Map<String, Long> row = new HashMap<>();
        row(dim + ":" + Keys.encode(value) + ":", dim, counters, fieldNames, row, false);
        return row;
    }

    private static void row(String prefix, String dim, Map<String, Long> counters, Map<String, String> fieldNames,
                            Map<String, Long> into, boolean sum) {
        counters.forEach((name, n) -> {
            if (kept(dim, name)) {
                if (sum) {
                    into.merge(prefix + fieldNames.get(name), n, Long::sum);
                } else {
                    into.put(prefix + fieldNames.get(name), n);
                }
            }
        });
    }

    private static String coAuthorKey(String coAuthor) {
        return "coauthor:" + Keys.encode(coAuthor) + ":";
    }

    private static String label(String memberId) {
        return "nm:" + LABELLED + ":" + Keys.encode(memberId);
    }

    /** The breakdown counters of one body's cells by dotted name ({@code topic.transport.rcv}). */
    public Map<String, Long> breakdown(String body) {
        Map<String, Long> all = new HashMap<>();
        rows.values().forEach(r -> r.forEach((k, v) -> all.put(Keys.counter(k), v)));
        via.getOrDefault(body, Map.of()).forEach((k, v) -> all.put(Keys.counter(k), v));
        return all;
    }

    /**
     * 合并计分: the authors of the reports merged into this one share what it achieves — sign-off,
     * instructions, adoption and its level — in their member and co-author rows. Not "received": their
     * own (merged) report counts that already. Someone credited twice on one report counts once.
     */
    private static void credited(ReportFact f, Map<String, Long> counters, Map<String, String> fieldNames,
                                 Map<String, Map<String, Long>> rows) {
        java.util.Set<String> members = new java.util.HashSet<>();
        java.util.Set<String> coAuthors = new java.util.HashSet<>(f.coAuthors);
        if (f.authorId != null) {
            members.add(f.authorId);
        }
        for (ReportFact.Credit c : f.credited) {
            if (members.add(c.authorId())) {
                Map<String, Long> row = rows.computeIfAbsent("member", d -> new HashMap<>());
                String prefix = "member:" + Keys.encode(c.authorId()) + ":";
                counters.forEach((name, n) -> {
                    if (credits(name)) {
                        row.put(prefix + fieldNames.get(name), n);
                    }
                });
            }
            for (String coAuthor : c.coAuthors()) {
                if (coAuthors.add(coAuthor)) {
                    Map<String, Long> row = rows.computeIfAbsent("coauthor", d -> new HashMap<>());
                    String prefix = coAuthorKey(coAuthor);
                    counters.forEach((name, n) -> {
                        if (credits(name)) {
                            row.merge(prefix + fieldNames.get(name), n, Long::sum);
                        }
                    });
                }
            }
        }
    }

    private static boolean credits(String counter) {
        return kept("member", counter) && !counter.equals("rcv");
    }

    /**
     * Which counters a dimension keeps per value: all of them for the few topics, sectors, channels,
     * levels and sub-bodies; what their records and rankings need for the many stations, departments,
     * members and co-authors (their breakdown documents stay small).
     */
    /** The counters kept per member and per co-author. */
    public static final List<String> MEMBER_COUNTERS = List.of("rcv", "sgn", "ins", "adp", "lv.department", "lv.district",
            "lv.city", "lv.province", "lv.national");

    static boolean kept(String dimension, String counter) {
        return switch (dimension) {
            case "member", "coauthor" -> counter.equals("rcv") || counter.equals("sgn") || counter.equals("ins")
                    || counter.equals("adp") || counter.startsWith("lv.");
            case "station" -> counter.equals("rcv") || counter.equals("sgn") || counter.equals("adp") || counter.equals("vis")
                    || counter.equals("ins") || counter.startsWith("lv.");
            case "department" -> counter.equals("rcv") || counter.equals("asg") || counter.equals("rsp") || counter.equals("ont")
                    || counter.equals("ovd") || counter.equals("urg") || counter.equals("uan") || counter.equals("adp")
                    || counter.equals("nad") || counter.startsWith("rt.")
                    || counter.startsWith("lv.");
            default -> true;
        };
    }

    /** The counters a report adds to its cells and to each of its breakdown rows. */
    private static Map<String, Long> counters(ReportFact f) {
        boolean withdrawn = f.withdrawnAt != null;
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("rcv", withdrawn ? 0L : 1L);
        c.put("sgn", f.signedOffAt != null ? 1L : 0L);
        c.put("sd", Boolean.TRUE.equals(f.sameDay) ? 1L : 0L);
        c.put("fup", f.forwardedUpAt != null ? 1L : 0L);
        c.put("ins", f.instructions > 0 ? 1L : 0L);
        c.put("asg", f.assignedAt != null ? 1L : 0L);
        c.put("rsp", f.respondedAt != null ? 1L : 0L);
        c.put("ont", f.respondedOnTime() ? 1L : 0L);
        c.put("cls", f.closedAt != null ? 1L : 0L);
        boolean adopted = Outcome.ADOPTED.name().equals(f.outcome);
        c.put("adp", adopted ? 1L : 0L);
        c.put("nad", Outcome.NOT_ADOPTED.name().equals(f.outcome) ? 1L : 0L);
        c.put("ovd", f.overdueNow() ? 1L : 0L);
        c.put("urg", f.urged() ? 1L : 0L);
        c.put("uan", f.answeredAfterUrge() ? 1L : 0L);
        c.put("vis", withdrawn || f.constituents == null ? 0L : f.constituents.longValue());
        if (adopted && f.adoptionLevel != null) {
            c.put("lv." + f.adoptionLevel, 1L);
        }
        if (f.instructionLevels != null) {
            f.instructionLevels.forEach(level -> c.put("il." + level, 1L));
        }
        f.ratings.values().forEach(r -> c.merge("rt." + r, 1L, Long::sum));
        return c;
    }

    /** Each dimension's value for the report, but the sub-body it came through (that depends on the body). */
    private static Map<String, String> values(ReportFact f, OrgPath org) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("topic", f.topic != null ? f.topic : NONE_VALUE);
        v.put("sector", f.sector != null ? f.sector : NONE_VALUE);
        v.put("channel", f.channel != null ? f.channel : NONE_VALUE);
        if (f.station != null) {
            v.put("station", f.station);
        }
        if (f.department != null) {
            v.put("department", f.department);
        }
        if (f.authorId != null) {
            v.put("member", f.authorId);
        }
        v.put("level", String.valueOf(org.depth()));
        return v;
    }

    /** The body just below {@code body} on the way down to {@code org}, or {@link #SELF} for {@code org} itself. */
    static String childOnTheWay(String org, String body) {
        if (org.equals(body)) {
            return SELF;
        }
        String rest = org.substring(body.length() + 1);
        int slash = rest.indexOf('/');
        return body + "/" + (slash < 0 ? rest : rest.substring(0, slash));
    }

    /** What changes from {@code before} to {@code after} (the same report): only the counters that differ. */
    public static Contribution delta(Contribution before, Contribution after) {
        if (after.day == null) {
            return NONE;
        }
        Map<String, Long> main = difference(before.main, after.main);
        Map<String, Map<String, Long>> rows = differences(before.rows, after.rows);
        Map<String, Map<String, Long>> via = differences(before.via, after.via);
        Map<String, String> labels = new LinkedHashMap<>(after.labels);
        labels.entrySet().removeIf(e -> e.getValue().equals(before.labels.get(e.getKey())));
        return new Contribution(after.day, after.bodies, main, rows, via, labels);
    }

    public boolean isEmpty() {
        return main.isEmpty() && labels.isEmpty() && rows.values().stream().allMatch(Map::isEmpty)
                && via.values().stream().allMatch(Map::isEmpty);
    }

    /** Per key of either side, the difference of its counters; keys whose counters do not change are left out. */
    private static Map<String, Map<String, Long>> differences(Map<String, Map<String, Long>> before,
                                                              Map<String, Map<String, Long>> after) {
        Map<String, Map<String, Long>> d = new HashMap<>();
        after.forEach((k, a) -> put(d, k, difference(before.getOrDefault(k, Map.of()), a)));
        before.forEach((k, b) -> {
            if (!after.containsKey(k)) {
                put(d, k, difference(b, Map.of()));
            }
        });
        return d;
    }

    private static void put(Map<String, Map<String, Long>> into, String key, Map<String, Long> difference) {
        if (!difference.isEmpty()) {
            into.put(key, difference);
        }
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new HashMap<>();
        after.forEach((k, v) -> {
            long change = v - before.getOrDefault(k, 0L);
            if (change != 0) {
                d.put(k, change);
            }
        });
        before.forEach((k, v) -> {
            if (v != 0 && !after.containsKey(k)) {
                d.put(k, -v);
            }
        });
        return d;
    }

    private static double hours(java.time.Instant from, java.time.Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds() / 3600.0);
    }
}
