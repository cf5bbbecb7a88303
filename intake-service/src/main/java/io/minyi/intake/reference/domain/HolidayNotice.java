package io.minyi.intake.reference.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates out of the text of the State Council's holiday notice as the administrator pastes
 * it, e.g. "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、
 * 2月28日（周六）上班。" Each item's "…至…放假" range is days off; the dates before "上班" are working
 * weekends. A day written without its month takes the month last named. The result is shown to the
 * administrator to check before it is saved.
 */
public final class HolidayNotice {

    /** An item starts the text or follows the previous item's full stop: "二、春节：…" (not "初七、周一"). */
    private static final Pattern ITEM_START = Pattern.compile("(?:^|(?<=。))[一二三四五六七八九十]+、");
    /** A day as the notice writes it, the month optional, with its note in brackets: 2月15日（农历腊月二十八、周日）. */
    private static final String DATE = "(?:(\\d{1,2})月)?(\\d{1,2})日(?:（[^）]*）|\\([^)]*\\))?";
    private static final Pattern DAY = Pattern.compile(DATE);
    private static final Pattern OFF = Pattern.compile("(" + DATE + ")(?:\\s*至\\s*(" + DATE + "))?[^。；;，,]*?放假");
    private static final Pattern WORK = Pattern.compile("([^。；;]*?)上班");

    private HolidayNotice() {
    }

    /** The holidays and working weekends named in the text, for {@code year}; an empty year when none are found. */
    public static CalendarYear read(int year, String text, String source) {
        List<LocalDate> holidays = new ArrayList<>();
        List<LocalDate> working = new ArrayList<>();
        for (String item : ITEM_START.split(text == null ? "" : text.replaceAll("\\s+", ""))) {
            int colon = Math.max(item.indexOf('：'), item.indexOf(':'));
            if (colon < 0) {
                continue;
            }
            String body = item.substring(colon + 1);
            int[] month = {0};
            Matcher off = OFF.matcher(body);
            int afterOff = 0;
            while (off.find()) {
                LocalDate from = day(year, off.group(1), month);
                LocalDate to = off.group(4) == null ? from : day(year, off.group(4), month);
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    holidays.add(d);
                }
                afterOff = off.end();
            }
            Matcher work = WORK.matcher(body.substring(afterOff));
            while (work.find()) {
                Matcher days = DAY.matcher(work.group(1));
                while (days.find()) {
                    working.add(day(year, days.group(), month));
                }
            }
        }
        return new CalendarYear(year, holidays, working, source);
    }

    private static LocalDate day(int year, String text, int[] month) {
        Matcher m = DAY.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no date in " + text);
        }
        if (m.group(1) != null) {
            month[0] = Integer.parseInt(m.group(1));
        }
        try {
            return LocalDate.of(year, month[0], Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date: " + text, e);
        }
    }
}
