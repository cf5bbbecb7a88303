package io.minyi.stats.figures.domain;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.LeaderLevel;
import io.minyi.contracts.Rating;
import io.minyi.contracts.WireNamed;
import io.minyi.stats.projection.domain.Histogram;
import io.minyi.stats.projection.domain.Totals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a body and every body below it for reports received in a period. Rates: adoption
 * (采用率) adopted ÷ received; instruction (批示率) reports instructed ÷ signed off, and those instructed
 * by leaders of each level ({@code instructedByLevel}); same-day sign-off
 * (当日签发率) ÷ signed off; on time ÷ responded; satisfaction (satisfied + basically satisfied) ÷
 * ratings. Times are hours, from submission to the first sign-off and from the first assignment to
 * the first answer: median and 90th percentile.
 */
public record Figures(String org, String period, String from, String to, long received, long withdrawn,
                      long rejected, long merged, long signedOff, long sameDaySignOff, Double sameDayRate,
                      long forwarded, long forwardedUp, long instructed, long instructions, Double instructionRate,
                      long assigned, long responded, long respondedOnTime, Double onTimeRate, long closed,
                      long adopted, long notAdopted, Double adoptionRate, Map<String, Long> adoptedByLevel,
                      long overdueNow, long visitors, Map<String, Long> ratings, Double satisfactionRate,
                      Quantiles signOffHours, Quantiles responseHours, Map<String, Long> byStatus,
                      Map<String, Long> instructedByLevel) {

    public static final List<String> STATUSES = List.of("submitted", "signed-off", "assigned", "responded", "closed",
            "withdrawn", "rejected", "merged");

    public record Quantiles(Double median, Double p90) {
        static Quantiles of(Map<Integer, Long> buckets) {
            return new Quantiles(Histogram.quantile(buckets, 0.5), Histogram.quantile(buckets, 0.9));
        }
    }

    public static Figures of(String org, Range range, Totals t) {
        long received = t.get("rcv");
        long signedOff = t.get("sgn");
        long responded = t.get("rsp");
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, t.get("st." + s)));
        return new Figures(org, range.kind(), range.from().toString(), range.to().toString(), received, t.get("wdr"),
                t.get("rej"), t.get("mrg"), signedOff, t.get("sd"), Rates.of(t.get("sd"), signedOff), t.get("fwd"),
                t.get("fup"), t.get("ins"), t.get("insN"), Rates.of(t.get("ins"), signedOff), t.get("asg"), responded,
                t.get("ont"), Rates.of(t.get("ont"), responded), t.get("cls"), t.get("adp"), t.get("nad"),
                Rates.of(t.get("adp"), received), levels(t), t.get("ovd"), t.get("vis"), ratings(t),
                satisfaction(t), Quantiles.of(t.buckets("hs")), Quantiles.of(t.buckets("hr")), byStatus,
                instructedByLevel(t));
    }

    static Map<String, Long> levels(Totals t) {
        return byWireName(t, "lv.", AdoptionLevel.values());
    }

    /** Reports instructed by a leader of each level (批示领导级别); one instructed at two levels counts in both. */
    static Map<String, Long> instructedByLevel(Totals t) {
        return byWireName(t, "il.", LeaderLevel.values());
    }

    static Map<String, Long> ratings(Totals t) {
        return byWireName(t, "rt.", Rating.values());
    }

    /** The counter {@code prefix + wire name} of each value, by wire name, in the values' order. */
    private static Map<String, Long> byWireName(Totals t, String prefix, WireNamed[] values) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (WireNamed v : values) {
            m.put(v.wireName(), t.get(prefix + v.wireName()));
        }
        return m;
    }

    static Double satisfaction(Totals t) {
        long satisfied = t.get("rt.satisfied") + t.get("rt.basically-satisfied");
        return Rates.of(satisfied, satisfied + t.get("rt.not-satisfied"));
    }
}
