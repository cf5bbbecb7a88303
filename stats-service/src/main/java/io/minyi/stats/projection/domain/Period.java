package io.minyi.stats.projection.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods cells are kept for — a year ({@code 2026}), a month ({@code 2026-11}), a day
 * ({@code 2026-11-24}), in China Standard Time — and how any range of days is covered by the fewest
 * of them: whole years, then whole months, then single days.
 */
public final class Period {

    private Period() {
    }

    /** The three period keys of a day: its year, month and the day. */
    public static List<String> keysOf(LocalDate day) {
        return List.of(String.valueOf(day.getYear()), YearMonth.from(day).toString(), day.toString());
    }

    /** The fewest period keys that together cover {@code from} to {@code to}, both included. */
    public static List<String> cover(LocalDate from, LocalDate to) {
        List<String> keys = new ArrayList<>();
        LocalDate cursor = from;
        while (!cursor.isAfter(to)) {
            if (cursor.getDayOfYear() == 1 && !cursor.plusYears(1).minusDays(1).isAfter(to)) {
                keys.add(String.valueOf(cursor.getYear()));
                cursor = cursor.plusYears(1);
            } else if (cursor.getDayOfMonth() == 1 && !cursor.plusMonths(1).minusDays(1).isAfter(to)) {
                keys.add(YearMonth.from(cursor).toString());
                cursor = cursor.plusMonths(1);
            } else {
                keys.add(cursor.toString());
                cursor = cursor.plusDays(1);
            }
        }
        return keys;
    }
}
