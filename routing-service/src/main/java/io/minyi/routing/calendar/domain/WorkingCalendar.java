package io.minyi.routing.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;

/**
 * The working days of the government calendar: Monday to Friday, except public holidays, plus the
 * weekend days worked in exchange (调休). Deadlines and the same-day sign-off target count these.
 * The calendar in force: when the administrator enters or corrects a year, its days are
 * {@linkplain #replace replaced} at once, and every later question is answered with the new ones.
 */
public final class WorkingCalendar {

    private record Days(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
    }

    private volatile Days days;

    public WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        replace(holidays, workingWeekends);
    }

    /** Takes the days of every year as now entered. */
    public void replace(Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {
        this.days = new Days(Set.copyOf(holidays), Set.copyOf(workingWeekends));
    }

    public boolean isWorkingDay(LocalDate day) {
        Days d = days;
        if (d.workingWeekends().contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !d.holidays().contains(day);
    }

    /** The day itself if it is a working day, else the next working day. */
    public LocalDate onOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The working day {@code n} working days after {@code day} (n ≥ 0; 0 = {@link #onOrAfter}). */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        LocalDate d = onOrAfter(day);
        for (int i = 0; i < n; i++) {
            d = onOrAfter(d.plusDays(1));
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /** Whether the year's holidays are known (the State Council publishes them each November or December). */
    public boolean knows(Year year) {
        return days.holidays().stream().anyMatch(d -> Year.from(d).equals(year));
    }
}
