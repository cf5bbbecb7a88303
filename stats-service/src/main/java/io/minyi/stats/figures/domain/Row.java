package io.minyi.stats.figures.domain;

import io.minyi.stats.projection.domain.Totals;

import java.util.Map;

/**
 * One line of a breakdown: the figures of the reports with one value of a dimension; {@code urged}: reports
 * the office urged (催办) at least once, {@code answeredAfterUrge}: of those, answered after the first.
 */
public record Row(String key, String label, long received, long signedOff, long sameDaySignOff, long forwardedUp,
                  long instructed, Double instructionRate, long assigned, long responded, long respondedOnTime,
                  Double onTimeRate, long closed, long adopted, long notAdopted, Double adoptionRate,
                  Map<String, Long> adoptedByLevel, long overdueNow, long visitors, Map<String, Long> ratings,
                  Double satisfactionRate, long urged, long answeredAfterUrge, Double answeredAfterUrgeRate) {

    public static Row of(String key, String label, Totals t) {
        long received = t.get("rcv");
        long signedOff = t.get("sgn");
        long responded = t.get("rsp");
        return new Row(key, label, received, signedOff, t.get("sd"), t.get("fup"), t.get("ins"),
                Rates.of(t.get("ins"), signedOff), t.get("asg"), responded, t.get("ont"), Rates.of(t.get("ont"), responded),
                t.get("cls"), t.get("adp"), t.get("nad"), Rates.of(t.get("adp"), received), Figures.levels(t),
                t.get("ovd"), t.get("vis"), Figures.ratings(t), Figures.satisfaction(t), t.get("urg"), t.get("uan"),
                Rates.of(t.get("uan"), t.get("urg")));
    }

    /** True when nothing is counted on the row (every report on it moved to another value). */
    public boolean isEmpty() {
        return received == 0 && signedOff == 0 && assigned == 0 && responded == 0 && adopted == 0 && notAdopted == 0
                && overdueNow == 0 && visitors == 0;
    }
}
