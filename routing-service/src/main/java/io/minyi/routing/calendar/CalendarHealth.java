package io.minyi.routing.calendar;

import io.minyi.routing.calendar.domain.WorkingCalendar;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;

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
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Year year = Year.from(today);
        Health.Builder health = Health.up().withDetail("thisYear", calendar.knows(year));
        Year missing = !calendar.knows(year) ? year
                : today.getMonthValue() >= 11 && !calendar.knows(year.plusYears(1)) ? year.plusYears(1) : null;
        if (missing != null) {
            health.withDetail("warning", missing + " 年的节假日安排尚未录入工作日历：办理期限会把这些假日算作工作日。"
                    + " The " + missing + " holidays are not in the working calendar yet.");
        }
        return health.build();
    }
}
