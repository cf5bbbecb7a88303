package io.minyi.stats.summary.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    @Test
    void adoptionRateIsAdoptedOverReceivedAndEveryStatusIsListed() {
        Summary s = Summary.of("haikou", Map.of(Milestone.RECEIVED, 273L, Milestone.CLOSED, 70L),
                Map.of(Milestone.CLOSED, 70L, Milestone.RECEIVED, 203L), 62, 8);
        assertThat(s.adoptionRate()).isEqualTo(0.2271);
        assertThat(s.byStatus()).containsExactly(Map.entry("submitted", 203L), Map.entry("signed-off", 0L),
                Map.entry("assigned", 0L), Map.entry("responded", 0L), Map.entry("closed", 70L),
                Map.entry("withdrawn", 0L));
    }

    @Test
    void withdrawnReportsAreNotCountedAsReceived() {
        Summary s = Summary.of("haikou", Map.of(Milestone.RECEIVED, 10L, Milestone.WITHDRAWN, 2L),
                Map.of(Milestone.RECEIVED, 8L, Milestone.WITHDRAWN, 2L), 4, 0);
        assertThat(s.received()).isEqualTo(8);
        assertThat(s.withdrawn()).isEqualTo(2);
        assertThat(s.adoptionRate()).isEqualTo(0.5);
        assertThat(s.byStatus()).containsEntry("withdrawn", 2L).containsEntry("submitted", 8L);
    }

    @Test
    void noRateWithoutReports() {
        assertThat(Summary.of("haikou", Map.of(), Map.of(), 0, 0).adoptionRate()).isNull();
    }
}
