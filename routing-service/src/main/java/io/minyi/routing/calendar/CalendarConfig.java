package io.minyi.routing.calendar;

import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.support.reference.ReferenceChangeHandler;
import io.minyi.support.reference.ReferenceReplica;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * The working calendar routing counts deadlines and the same-day sign-off with: the years the
 * administrator entered (published by intake-service on the reference topic), taken in as soon as
 * this service's replica has them — no file, no restart.
 */
@Configuration
class CalendarConfig {

    private final ReferenceReplica replica;
    private final WorkingCalendar calendar = new WorkingCalendar(Set.of(), Set.of());

    /** The replica holds what an earlier run stored as soon as it exists, so the calendar starts from it. */
    CalendarConfig(ReferenceReplica replica) {
        this.replica = replica;
        refresh();
    }

    @Bean
    WorkingCalendar workingCalendar() {
        return calendar;
    }

    @Bean
    CalendarHealth calendarHealth(java.time.Clock clock) {
        return new CalendarHealth(calendar, clock);
    }

    /** At start, and after every calendar change the replica takes in. */
    private void refresh() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        for (CalendarChanged year : replica.calendarYears().values()) {
            holidays.addAll(year.holidays());
            working.addAll(year.workingWeekends());
        }
        calendar.replace(holidays, working);
    }

    @Bean
    ReferenceChangeHandler calendarRefresh() {
        return new ReferenceChangeHandler() {
            @Override
            public void takenIn(ReferenceEvent event) {
                if (event instanceof CalendarChanged) {
                    refresh();
                }
            }
        };
    }
}
