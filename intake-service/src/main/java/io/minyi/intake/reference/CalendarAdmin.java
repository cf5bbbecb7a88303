package io.minyi.intake.reference;

import io.minyi.contracts.ChinaTime;
import io.minyi.intake.reference.domain.CalendarYear;
import io.minyi.support.reference.CalendarYears;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The working calendar, entered by the administrators of a root body once the State Council has
 * published a year's holidays; every change is published, and routing counts deadlines with it at once.
 */
@Service
public class CalendarAdmin {

    public static final ZoneId CHINA = ChinaTime.ZONE;

    private final ReferenceData data;
    private final Clock clock;

    CalendarAdmin(ReferenceData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    public CalendarYear save(CalendarYear year, Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        if (caller.org().depth() != 1) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org", "工作日历由最高一级政协组织的管理员维护。",
                    "The working calendar is maintained by the administrators of the root body.");
        }
        List<CalendarYear.Problem> problems = year.problems();
        if (!problems.isEmpty()) {
            CalendarYear.Problem first = problems.get(0);
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-calendar", first.zh(), first.en())
                    .with("errors", problems.stream().map(p -> Map.of("field", p.field(), "value", p.value(),
                            "message", p.zh())).toList());
        }
        data.saved(year, caller.username());
        return year;
    }

    /** The year that must be entered now: next year from 1 November on, while it is missing. */
    public OptionalInt missingYear() {
        return CalendarYears.missing(LocalDate.now(clock.withZone(CHINA)), data.calendarYears()::containsKey);
    }
}
