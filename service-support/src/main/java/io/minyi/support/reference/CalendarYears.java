package io.minyi.support.reference;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.function.IntPredicate;

/** When the working calendar lacks a year it needs: the rule behind the admin's banner and the health warning. */
public final class CalendarYears {

    private CalendarYears() {
    }

    /**
     * The year that must be entered now: this year while it is missing, and from 1 November next year
     * while it is missing; empty when nothing is.
     *
     * @param today   today in China time
     * @param entered whether a year's holidays have been entered
     */
    public static OptionalInt missing(LocalDate today, IntPredicate entered) {
        int year = today.getYear();
        if (!entered.test(year)) {
            return OptionalInt.of(year);
        }
        return today.getMonthValue() >= 11 && !entered.test(year + 1) ? OptionalInt.of(year + 1) : OptionalInt.empty();
    }
}
