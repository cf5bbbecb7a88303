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
 * received). The main counters are the same in every cell; the breakdowns (by topic, sector, channel,
 * station, department, member, co-author, body level and the sub-body it came through) go to the
 * cell's breakdown document. The difference of two contributions of the same report is what an event
 * changed — applied once per cell, it keeps every cell equal to the sum over its reports.
 */
public record Contribution(LocalDate day, List<String> bodies, Map<String, Long> main,
                           Map<String, Map<String, Long>> breakdowns, Map<String, String> labels) {

    public static final Contribution NONE = new Contribution(null, List.of(), Map.of(), Map.of(), Map.of());

    /** Breakdown dimensions: {@code body} is the sub-body a report came through (or {@link #SELF}). */
    public static final List<String> DIMENSIONS = List.of("topic", "sector", "channel", "station", "department",
            "member", "coauthor", "level", "body");
    public static final String SELF = "_self";
    public static final String NONE_VALUE = "_none";

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
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String body : org.selfAndAncestors()) {
            Map<String, Long> cells = new LinkedHashMap<>();
            if (f.withdrawnAt == null) {
                Map<String, String> values = values(f, org, body);
                values.forEach((dim, value) -> counters.forEach((name, n) -> {
                    if (kept(dim, name)) {
                        cells.put(dim + "." + Keys.encode(value) + "." + name, n);
                    }
                }));
                for (String coAuthor : f.coAuthors) {
                    counters.forEach((name, n) -> {
                        if (kept("coauthor", name)) {
                            cells.merge("coauthor." + Keys.encode(coAuthor) + "." + name, n, Long::sum);
                        }
                    });
                }
                credited(f, counters, cells);
            }
            breakdowns.put(body, cells);
        }
        if (f.authorId != null && f.authorName != null) {
            labels.put("member." + Keys.encode(f.authorId), f.authorName);
        }
        for (ReportFact.Credit c : f.credited) {
            if (c.authorName() != null && !c.authorId().equals(f.authorId)) {
                labels.put("member." + Keys.encode(c.authorId()), c.authorName());
            }
        }
        return new Contribution(day, org.selfAndAncestors(), main, breakdowns, labels);
    }

    /**
     * 合并计分: the authors of the reports merged into this one share what it achieves — sign-off,
     * instructions, adoption and its level — in their member and co-author rows. Not "received": their
     * own (merged) report counts that already. Someone credited twice on one report counts once.
     */
    private static void credited(ReportFact f, Map<String, Long> counters, Map<String, Long> cells) {
        java.util.Set<String> members = new java.util.HashSet<>();
        java.util.Set<String> coAuthors = new java.util.HashSet<>(f.coAuthors);
        if (f.authorId != null) {
            members.add(f.authorId);
        }
        for (ReportFact.Credit c : f.credited) {
            if (members.add(c.authorId())) {
                counters.forEach((name, n) -> {
                    if (credits(name)) {
                        cells.put("member." + Keys.encode(c.authorId()) + "." + name, n);
                    }
                });
            }
            for (String coAuthor : c.coAuthors()) {
                if (coAuthors.add(coAuthor)) {
                    counters.forEach((name, n) -> {
                        if (credits(name)) {
                            cells.merge("coauthor." + Keys.encode(coAuthor) + "." + name, n, Long::sum);
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
        f.ratings.values().forEach(r -> c.merge("rt." + r, 1L, Long::sum));
        return c;
    }

    private static Map<String, String> values(ReportFact f, OrgPath org, String body) {
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
        v.put("body", childOnTheWay(org.value(), body));
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
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        for (String body : after.bodies) {
            breakdowns.put(body, difference(before.breakdowns.getOrDefault(body, Map.of()),
                    after.breakdowns.getOrDefault(body, Map.of())));
        }
        Map<String, String> labels = new LinkedHashMap<>(after.labels);
        labels.entrySet().removeIf(e -> e.getValue().equals(before.labels.get(e.getKey())));
        return new Contribution(after.day, after.bodies, main, breakdowns, labels);
    }

    public boolean isEmpty() {
        return main.isEmpty() && labels.isEmpty() && breakdowns.values().stream().allMatch(Map::isEmpty);
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new HashMap<>();
        after.forEach((k, v) -> d.merge(k, v, Long::sum));
        before.forEach((k, v) -> d.merge(k, -v, Long::sum));
        d.values().removeIf(v -> v == 0);
        return d;
    }

    private static double hours(java.time.Instant from, java.time.Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds() / 3600.0);
    }
}
