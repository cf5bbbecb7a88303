package io.minyi.stats.summary.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts for a body and all bodies below it: how many reports reached each milestone, how many are
 * in each state now, and how many closed reports were adopted. The adoption rate is adopted ÷
 * received (采用率), rounded to four places; null while nothing was received. Reports their authors
 * withdrew are counted apart and not as received.
 */
public record Summary(String org, long received, long signedOff, long assigned, long responded, long closed,
                      long adopted, long notAdopted, Double adoptionRate, Map<String, Long> byStatus, long withdrawn) {

    public static Summary of(String org, Map<Milestone, Long> reached, Map<Milestone, Long> current,
                             long adopted, long notAdopted) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Milestone m : Milestone.values()) {
            byStatus.put(m.status(), current.getOrDefault(m, 0L));
        }
        long withdrawn = reached.getOrDefault(Milestone.WITHDRAWN, 0L);
        long received = reached.getOrDefault(Milestone.RECEIVED, 0L) - withdrawn;
        Double rate = received == 0 ? null : Math.round(adopted * 10_000.0 / received) / 10_000.0;
        return new Summary(org, received, reached.getOrDefault(Milestone.SIGNED_OFF, 0L),
                reached.getOrDefault(Milestone.ASSIGNED, 0L), reached.getOrDefault(Milestone.RESPONDED, 0L),
                reached.getOrDefault(Milestone.CLOSED, 0L), adopted, notAdopted, rate, byStatus, withdrawn);
    }
}
