package io.minyi.stats.member.domain;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.stats.projection.domain.Totals;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A member's year (履职档案): reports they submitted and those they co-authored (received that year),
 * how many were signed off, instructed and adopted (by level), and the score the body's rule gives:
 * points for each submitted, co-authored, signed-off and instructed report, adoption points by level for
 * their own reports and the rule's share of them for co-authored ones.
 */
public record MemberRecord(String memberId, String name, String org, int year, long submitted, long signedOff,
                           long instructed, long adopted, Map<String, Long> adoptedByLevel, long coAuthored,
                           long coAuthoredAdopted, Map<String, Long> coAuthoredAdoptedByLevel, double score,
                           ScoringRule rule) {

    public static MemberRecord of(String memberId, String name, String org, int year, Totals own, Totals coAuthor,
                                  ScoringRule rule) {
        Map<String, Long> levels = new LinkedHashMap<>();
        Map<String, Long> coLevels = new LinkedHashMap<>();
        double score = own.get("rcv") * rule.submitted() + own.get("sgn") * rule.signedOff()
                + own.get("ins") * rule.instructed() + coAuthor.get("rcv") * rule.coAuthored();
        for (AdoptionLevel level : AdoptionLevel.values()) {
            String w = level.wireName();
            levels.put(w, own.get("lv." + w));
            coLevels.put(w, coAuthor.get("lv." + w));
            score += own.get("lv." + w) * rule.adoptionPoints(w)
                    + coAuthor.get("lv." + w) * rule.adoptionPoints(w) * rule.coAuthorShare();
        }
        return new MemberRecord(memberId, name, org, year, own.get("rcv"), own.get("sgn"), own.get("ins"),
                own.get("adp"), levels, coAuthor.get("rcv"), coAuthor.get("adp"), coLevels,
                Math.round(score * 100) / 100.0, rule);
    }
}
