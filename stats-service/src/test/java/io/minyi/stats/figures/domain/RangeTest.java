package io.minyi.stats.figures.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 26); // a Thursday

    @Test
    void periodsHoldTheirDay() {
        assertThat(Range.of("week", DAY, 2020)).isEqualTo(new Range("week", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
        assertThat(Range.of("month", DAY, 2020).to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(Range.of("quarter", DAY, 2020)).isEqualTo(new Range("quarter", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Range.of("year", DAY, 2020).label()).isEqualTo("2026");
        assertThat(Range.of("all", DAY, 2020).from()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(Range.of("week", DAY, 2020).label()).isEqualTo("2026-W48");
        assertThat(Range.of("quarter", DAY, 2020).label()).isEqualTo("2026-Q4");
    }

    @Test
    void aTrendSplitsTheRangeAndClipsItsEnds() {
        var parts = Range.custom(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 12, 10)).split("month");
        assertThat(parts).extracting(Range::label).containsExactly("2026-10", "2026-11", "2026-12");
        assertThat(parts.get(0).from()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(parts.get(2).to()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(Range.of("year", DAY, 2020).split("quarter")).hasSize(4);
    }

    @Test
    void aCustomRangeRunsForwardAndIsBounded() {
        assertThatThrownBy(() -> Range.custom(DAY, DAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Range.custom(DAY.minusYears(20), DAY)).isInstanceOf(IllegalArgumentException.class);
    }
}
