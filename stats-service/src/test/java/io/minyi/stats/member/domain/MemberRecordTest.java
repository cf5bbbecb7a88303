package io.minyi.stats.member.domain;

import io.minyi.stats.projection.domain.Totals;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberRecordTest {

    @Test
    void theScoreAddsPointsPerReportAndPerAdoptionLevelAndAShareForCoAuthoredAdoptions() {
        Totals own = Totals.empty();
        own.add("rcv", 4);
        own.add("sgn", 3);
        own.add("ins", 1);
        own.add("adp", 2);
        own.add("lv.city", 1);
        own.add("lv.district", 1);
        Totals co = Totals.empty();
        co.add("rcv", 2);
        co.add("adp", 1);
        co.add("lv.province", 1);
        MemberRecord r = MemberRecord.of("u-w", "王委员", "haikou", 2026, own, co, ScoringRule.DEFAULT);
        // 4×1 + 3×2 + 1×3 + 2×0.5 + (8 + 5) + 12×0.5
        assertThat(r.score()).isEqualTo(33.0);
        assertThat(r.adoptedByLevel()).containsEntry("city", 1L).containsEntry("national", 0L);
        assertThat(r.coAuthoredAdoptedByLevel()).containsEntry("province", 1L);
    }

    @Test
    void aRuleRefusesNegativePointsAndUnknownLevels() {
        assertThatThrownBy(() -> new ScoringRule("haikou", -1, 0, 0, 0, Map.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringRule("haikou", 1, 0, 0, 0, Map.of("galaxy", 3.0), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
