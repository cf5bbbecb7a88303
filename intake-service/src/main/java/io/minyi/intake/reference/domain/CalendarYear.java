package io.minyi.intake.reference.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One year of the working calendar from the State Council's notice (国务院办公厅关于某年部分节假日安排的通知):
 * the days off (holidays) and the weekend days worked in exchange (调休上班).
 */
public record CalendarYear(int year, List<LocalDate> holidays, List<LocalDate> workingWeekends, String source) {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    public CalendarYear {
        holidays = List.copyOf(new TreeSet<>(holidays));
        workingWeekends = List.copyOf(new TreeSet<>(workingWeekends));
    }

    /** A problem with one field: which field, which date, and what is wrong, in Chinese and English. */
    public record Problem(String field, String value, String zh, String en) {
    }

    /** Everything wrong with the year as entered; empty when it can be stored. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            problems.add(new Problem("year", String.valueOf(year), "年份应在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间。",
                    "The year must be between " + MIN_YEAR + " and " + MAX_YEAR + "."));
            return problems;
        }
        Set<LocalDate> off = Set.copyOf(holidays);
        for (LocalDate d : holidays) {
            if (d.getYear() != year) {
                problems.add(outside("holidays", d));
            }
        }
        for (LocalDate d : workingWeekends) {
            if (d.getYear() != year) {
                problems.add(outside("workingWeekends", d));
            } else if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.add(new Problem("workingWeekends", d.toString(), d + " 不是周末，调休上班日应为周六或周日。",
                        d + " is not a weekend day; a day worked in exchange is a Saturday or Sunday."));
            } else if (off.contains(d)) {
                problems.add(new Problem("workingWeekends", d.toString(), d + " 同时被填为放假日和上班日。",
                        d + " is both a holiday and a working day."));
            }
        }
        if (holidays.isEmpty()) {
            problems.add(new Problem("holidays", "", "请填写该年的放假日期。", "Enter the year's holidays."));
        }
        return problems;
    }

    private Problem outside(String field, LocalDate d) {
        return new Problem(field, d.toString(), d + " 不在 " + year + " 年内。", d + " is not in " + year + ".");
    }
}
