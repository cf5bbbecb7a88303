package io.minyi.routing.calendar.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Year;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    /** The National Day week of 2026 with its two working weekend days. */
    static final WorkingCalendar CALENDAR = new WorkingCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)));

    @Test
    void weekendsAndHolidaysAreOffAndExchangedWeekendDaysAreWorked() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 3))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 20))).as("调休 Sunday").isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休 Saturday").isTrue();
    }

    @Test
    void countingWorkingDaysSkipsTheHolidayWeek() {
        assertThat(CALENDAR.onOrAfter(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(CALENDAR.plusWorkingDays(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(CALENDAR.workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 12))).isZero();
    }

    @Test
    void itKnowsWhichYearsItHasHolidaysFor() {
        assertThat(CALENDAR.knows(Year.of(2026))).isTrue();
        assertThat(CALENDAR.knows(Year.of(2027))).isFalse();
    }
}
