package io.minyi.routing.supervision.domain;

import io.minyi.routing.calendar.domain.WorkingCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When an assignment awaiting its answer is due soon ({@code daysBefore} working days before its
 * deadline, or later), overdue (from the working day after its deadline) or escalated (督办, a number of
 * working days after it). Each is sent once per deadline: a new deadline (an extension) arms them again.
 */
public record Reminders(int daysBefore, int escalateAfter) {

    public enum Kind {
        DUE_SOON, OVERDUE, ESCALATED
    }

    /**
     * The reminder due today for a deadline, if any, the most pressing first: escalated (督办) from
     * {@code escalateAfter} working days after the deadline, overdue from the day after, due soon before.
     */
    public Optional<Kind> due(LocalDate deadline, LocalDate today, WorkingCalendar calendar) {
        if (today.isAfter(deadline)) {
            return Optional.of(workingDaysOverdue(deadline, today, calendar) >= escalateAfter ? Kind.ESCALATED
                    : Kind.OVERDUE);
        }
        if (calendar.workingDaysBetween(today, deadline) <= daysBefore) {
            return Optional.of(Kind.DUE_SOON);
        }
        return Optional.empty();
    }

    /** Working days since the deadline passed. */
    public int workingDaysOverdue(LocalDate deadline, LocalDate today, WorkingCalendar calendar) {
        return calendar.workingDaysBetween(deadline, today);
    }

    /** Working days left until the deadline, counted from today. */
    public int workingDaysLeft(LocalDate deadline, LocalDate today, WorkingCalendar calendar) {
        return calendar.workingDaysBetween(today, deadline);
    }
}
