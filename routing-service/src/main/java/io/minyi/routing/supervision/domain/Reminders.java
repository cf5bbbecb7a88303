package io.minyi.routing.supervision.domain;

import io.minyi.routing.calendar.domain.WorkingCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When an assignment awaiting its answer is due soon ({@code daysBefore} working days before its
 * deadline, or later) or overdue (from the working day after its deadline). Each is sent once per
 * deadline: a new deadline (an extension) arms both again.
 */
public record Reminders(int daysBefore) {

    public enum Kind {
        DUE_SOON, OVERDUE
    }

    /** The reminder due today for a deadline, if any; the overdue one takes precedence. */
    public Optional<Kind> due(LocalDate deadline, LocalDate today, WorkingCalendar calendar) {
        if (today.isAfter(deadline)) {
            return Optional.of(Kind.OVERDUE);
        }
        if (calendar.workingDaysBetween(today, deadline) <= daysBefore) {
            return Optional.of(Kind.DUE_SOON);
        }
        return Optional.empty();
    }

    /** Working days left until the deadline, counted from today. */
    public int workingDaysLeft(LocalDate deadline, LocalDate today, WorkingCalendar calendar) {
        return calendar.workingDaysBetween(today, deadline);
    }
}
