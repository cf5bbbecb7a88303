package io.minyi.routing.supervision.domain;

import io.minyi.routing.calendar.domain.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RemindersTest {

    static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of(), Set.of());
    static final Reminders REMINDERS = new Reminders(2, 3);
    static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);

    @Test
    void dueSoonFromTwoWorkingDaysBeforeAndOverdueFromTheDayAfter() {
        assertThat(REMINDERS.due(FRIDAY, LocalDate.of(2026, 11, 24), CALENDAR)).isEmpty();
        assertThat(REMINDERS.due(FRIDAY, LocalDate.of(2026, 11, 25), CALENDAR)).contains(Reminders.Kind.DUE_SOON);
        assertThat(REMINDERS.due(FRIDAY, FRIDAY, CALENDAR)).contains(Reminders.Kind.DUE_SOON);
        assertThat(REMINDERS.due(FRIDAY, LocalDate.of(2026, 11, 28), CALENDAR)).contains(Reminders.Kind.OVERDUE);
    }

    @Test
    void weekendsDoNotCountAsTimeLeft() {
        // Monday's deadline seen on the Thursday before: Friday and Monday are left
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertThat(REMINDERS.due(monday, LocalDate.of(2026, 11, 26), CALENDAR)).contains(Reminders.Kind.DUE_SOON);
        assertThat(REMINDERS.workingDaysLeft(monday, LocalDate.of(2026, 11, 26), CALENDAR)).isEqualTo(2);
        assertThat(REMINDERS.due(monday, LocalDate.of(2026, 11, 25), CALENDAR)).isEmpty();
    }

    @Test
    void escalatedFromTheThirdWorkingDayOverdueWeekendsNotCounted() {
        assertThat(REMINDERS.due(FRIDAY, LocalDate.of(2026, 11, 30), CALENDAR)).contains(Reminders.Kind.OVERDUE);
        assertThat(REMINDERS.due(FRIDAY, LocalDate.of(2026, 12, 1), CALENDAR)).contains(Reminders.Kind.OVERDUE);
        assertThat(REMINDERS.due(FRIDAY, LocalDate.of(2026, 12, 2), CALENDAR)).contains(Reminders.Kind.ESCALATED);
        assertThat(REMINDERS.workingDaysOverdue(FRIDAY, LocalDate.of(2026, 12, 2), CALENDAR)).isEqualTo(3);
    }
}
