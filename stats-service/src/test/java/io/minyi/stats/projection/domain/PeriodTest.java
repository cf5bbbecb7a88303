package io.minyi.stats.projection.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTest {

    @Test
    void aRangeIsCoveredByWholeYearsThenWholeMonthsThenDays() {
        assertThat(Period.cover(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).containsExactly("2026");
        assertThat(Period.cover(LocalDate.of(2025, 12, 30), LocalDate.of(2027, 2, 2))).containsExactly(
                "2025-12-30", "2025-12-31", "2026", "2027-01", "2027-02-01", "2027-02-02");
        assertThat(Period.cover(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))).containsExactly("2026-11");
        assertThat(Period.cover(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 24))).containsExactly("2026-11-24");
        assertThat(Period.cover(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 1)))
                .containsExactly("2026-02-27", "2026-02-28", "2026-03-01");
    }

    @Test
    void aDayFallsInItsYearMonthAndDay() {
        assertThat(Period.keysOf(LocalDate.of(2026, 3, 9))).containsExactly("2026", "2026-03", "2026-03-09");
    }
}
