package io.minyi.intake.reference.web;

import io.minyi.intake.reference.CalendarAdmin;
import io.minyi.intake.reference.ReferenceData;
import io.minyi.intake.reference.domain.CalendarYear;
import io.minyi.intake.reference.domain.HolidayNotice;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * The working calendar (工作日历): everyone signed in reads it (deadlines are shown against it); the
 * root body's administrators enter a year's holidays and 调休 working weekends, or paste the State
 * Council's notice and check the dates read from it before saving.
 */
@RestController
class CalendarController {

    private final ReferenceData data;
    private final CalendarAdmin admin;

    CalendarController(ReferenceData data, CalendarAdmin admin) {
        this.data = data;
        this.admin = admin;
    }

    record Year(int year, List<String> holidays, List<String> workingWeekends, String source) {
        static Year of(CalendarYear y) {
            return new Year(y.year(), y.holidays().stream().map(LocalDate::toString).toList(),
                    y.workingWeekends().stream().map(LocalDate::toString).toList(), y.source());
        }
    }

    /** {@code missingYear}: the year an administrator must enter now (next year from 1 November), else null. */
    record Calendar(List<Year> years, Integer missingYear) {
    }

    record YearRequest(List<String> holidays, List<String> workingWeekends, String source) {
    }

    record NoticeRequest(String text, String source) {
    }

    @GetMapping("/api/calendar")
    Calendar calendar(Caller caller) {
        var missing = admin.missingYear();
        return new Calendar(data.calendarYears().values().stream().map(Year::of).toList(),
                missing.isPresent() ? missing.getAsInt() : null);
    }

    @GetMapping("/api/calendar/{year}")
    Year year(@PathVariable int year, Caller caller) {
        CalendarYear y = data.calendarYears().get(year);
        if (y == null) {
            throw ApiProblem.notFound("工作日历年份", String.valueOf(year));
        }
        return Year.of(y);
    }

    @PutMapping("/api/calendar/{year}")
    Year save(@PathVariable int year, @RequestBody YearRequest request, Caller caller) {
        return Year.of(admin.save(new CalendarYear(year, dates(request.holidays(), "holidays"),
                dates(request.workingWeekends(), "workingWeekends"), request.source()), caller));
    }

    /** Reads the dates from the notice's text; nothing is saved (the administrator checks them, then saves). */
    @PostMapping("/api/calendar/{year}/notice")
    Year readNotice(@PathVariable int year, @RequestBody NoticeRequest request, Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        CalendarYear y;
        try {
            y = HolidayNotice.read(year, request.text(), request.source());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unreadable-notice", "通知中有无法识别的日期：" + e.getMessage(),
                    "The notice has a date that cannot be read: " + e.getMessage());
        }
        if (y.holidays().isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unreadable-notice",
                    "未能从文本中识别出放假安排，请粘贴通知中「一、元旦：…」起的各条，或在日历上逐日选择。",
                    "No holidays found in the text; paste the notice's items (一、元旦：…) or pick the days on the calendar.");
        }
        return Year.of(y);
    }

    private static List<LocalDate> dates(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        try {
            return values.stream().map(LocalDate::parse).toList();
        } catch (DateTimeException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-date", "日期格式应为 YYYY-MM-DD（" + field + "）。",
                    "Dates are YYYY-MM-DD (" + field + ").");
        }
    }
}
