package io.minyi.routing.calendar;

import io.minyi.contracts.ChinaTime;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.support.reference.CalendarYears;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;

/**
 * {@code calendar} in health: UP with a {@code warning} while this year's holidays, or — from
 * 1 November — next year's, have not been entered: deadlines would count those holidays as working days.
 */
class CalendarHealth implements HealthIndicator {

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarHealth(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Health.Builder health = Health.up().withDetail("thisYear", calendar.knows(Year.from(today)));
        CalendarYears.missing(today, y -> calendar.knows(Year.of(y))).ifPresent(missing ->
                health.withDetail("warning", missing + " 年的节假日安排尚未录入工作日历：办理期限会把这些假日算作工作日。"
                        + " The " + missing + " holidays are not in the working calendar yet."));
        return health.build();
    }
}
