package io.minyi.stats.member.domain;

import io.minyi.contracts.AdoptionLevel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a body scores its members' year (履职积分): points per report submitted, co-authored, signed
 * off and instructed, and per adoption by its highest level; a co-authored report's adoption scores
 * {@code coAuthorShare} of the author's points. Each body sets its own; a body without one uses the
 * nearest body above it that has one, else {@link #DEFAULT}.
 */
public record ScoringRule(String org, double submitted, double coAuthored, double signedOff, double instructed,
                          Map<String, Double> adoption, double coAuthorShare) {

    public static final ScoringRule DEFAULT = new ScoringRule(null, 1, 0.5, 2, 3, defaultAdoption(), 0.5);

    public ScoringRule {
        adoption = adoption == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(adoption));
        for (String level : adoption.keySet()) {
            AdoptionLevel.fromWireName(level); // unknown levels are refused
        }
        for (double p : new double[]{submitted, coAuthored, signedOff, instructed, coAuthorShare}) {
            if (p < 0 || p > 1000 || Double.isNaN(p)) {
                throw new IllegalArgumentException("points must be between 0 and 1000");
            }
        }
        if (adoption.values().stream().anyMatch(p -> p == null || p < 0 || p > 1000 || p.isNaN())) {
            throw new IllegalArgumentException("points must be between 0 and 1000");
        }
    }

    private static Map<String, Double> defaultAdoption() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("department", 3.0);
        m.put("district", 5.0);
        m.put("city", 8.0);
        m.put("province", 12.0);
        m.put("national", 20.0);
        return m;
    }

    public ScoringRule at(String body) {
        return new ScoringRule(body, submitted, coAuthored, signedOff, instructed, adoption, coAuthorShare);
    }

    public double adoptionPoints(String level) {
        return adoption.getOrDefault(level, 0.0);
    }
}
