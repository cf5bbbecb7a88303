package io.minyi.stats.figures.domain;

import io.minyi.stats.projection.domain.Period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** A period of days (both ends included, China Standard Time) by which reports are counted as received. */
public record Range(String kind, LocalDate from, LocalDate to) {

    public static final List<String> KINDS = List.of("day", "week", "month", "quarter", "year", "all", "custom");
    /** The longest custom range or trend, in days: beyond it use whole years. */
    public static final int MAX_DAYS = 3_700;

    /** The period of {@code kind} that holds {@code date}; {@code all} runs from {@code firstYear}. */
    public static Range of(String kind, LocalDate date, int firstYear) {
        return switch (kind) {
            case "day" -> new Range(kind, date, date);
            case "week" -> new Range(kind, date.with(DayOfWeek.MONDAY), date.with(DayOfWeek.SUNDAY));
            case "month" -> new Range(kind, date.withDayOfMonth(1), YearMonth.from(date).atEndOfMonth());
            case "quarter" -> {
                LocalDate start = date.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new Range(kind, start, start.plusMonths(3).minusDays(1));
            }
            case "year" -> new Range(kind, date.withDayOfYear(1), date.with(TemporalAdjusters.lastDayOfYear()));
            case "all" -> new Range(kind, LocalDate.of(firstYear, 1, 1), date.with(TemporalAdjusters.lastDayOfYear()));
            default -> throw new IllegalArgumentException("unknown period: " + kind);
        };
    }

    public static Range custom(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("from must not be after to, and at most " + MAX_DAYS + " days apart");
        }
        return new Range("custom", from, to);
    }

    /** The cell periods that cover this range. */
    public List<String> cells() {
        return Period.cover(from, to);
    }

    /** The consecutive periods of {@code granularity} (day … year) that make up this range, for trends. */
    public List<Range> split(String granularity) {
        List<Range> parts = new ArrayList<>();
        LocalDate cursor = from;
        while (!cursor.isAfter(to)) {
            Range part = of(granularity, cursor, cursor.getYear());
            LocalDate end = part.to.isAfter(to) ? to : part.to;
            parts.add(new Range(granularity, cursor, end));
            cursor = end.plusDays(1);
        }
        return parts;
    }

    /** A short name of the range: {@code 2026}, {@code 2026-11}, {@code 2026-Q4}, {@code 2026-W48} or its days. */
    public String label() {
        return switch (kind) {
            case "year" -> String.valueOf(from.getYear());
            case "month" -> YearMonth.from(from).toString();
            case "quarter" -> from.getYear() + "-Q" + from.get(IsoFields.QUARTER_OF_YEAR);
            case "week" -> from.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "day" -> from.toString();
            default -> from + "~" + to;
        };
    }
}
