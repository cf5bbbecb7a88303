package io.minyi.stats.figures.web;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.figures.domain.Range;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** What a statistics request may look at: which body (the caller's or one below it) and which days. */
@Component
public class Scope {

    private final Clock clock;
    private final int firstYear;

    public Scope(Clock clock, @Value("${minyi.stats.first-year:2020}") int firstYear) {
        this.clock = clock;
        this.firstYear = firstYear;
    }

    /** The office's view: editors, leaders and admins of {@code org} (default: their own body) or above. */
    public OrgPath office(Caller caller, String org) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return within(caller, org);
    }

    public OrgPath within(Caller caller, String org) {
        if (org != null && !OrgPath.isValid(org)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-org", "政协组织编码格式不正确：" + org,
                    "Malformed org path: " + org);
        }
        OrgPath target = org == null ? caller.org() : OrgPath.of(org);
        if (!caller.sees(target)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "foreign-org", "您无权查看其他政协组织的统计。",
                    "You may only see statistics of your own body and the bodies below it.");
        }
        return target;
    }

    /** {@code period} (default year) holding {@code date} (default today), or {@code from}–{@code to}. */
    public Range range(String period, String date, String from, String to) {
        try {
            if (from != null || to != null || "custom".equals(period)) {
                if (from == null || to == null) {
                    throw bad("自定义时段需同时提供 from 和 to（YYYY-MM-DD）。", "A custom range needs from and to (YYYY-MM-DD).");
                }
                return Range.custom(LocalDate.parse(from), LocalDate.parse(to));
            }
            String kind = period == null ? "year" : period;
            if (!Range.KINDS.contains(kind)) {
                throw bad("时段须为 day、week、month、quarter、year、all 或 custom。",
                        "period must be day, week, month, quarter, year, all or custom.");
            }
            return Range.of(kind, date == null ? today() : LocalDate.parse(date), firstYear);
        } catch (DateTimeParseException e) {
            throw bad("日期格式应为 YYYY-MM-DD。", "Dates are YYYY-MM-DD.");
        } catch (IllegalArgumentException e) {
            throw bad("起止日期不正确：起始不得晚于截止，且跨度不超过 " + Range.MAX_DAYS + " 天。",
                    "from must not be after to, and at most " + Range.MAX_DAYS + " days apart.");
        }
    }

    public int year(Integer year) {
        int y = year == null ? today().getYear() : year;
        if (y < firstYear || y > today().getYear() + 1) {
            throw bad("年份超出范围。", "Year out of range.");
        }
        return y;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(io.minyi.stats.projection.domain.ReportFact.ZONE));
    }

    public static final java.util.List<String> GRANULARITIES = java.util.List.of("day", "week", "month", "quarter", "year");

    /** A breakdown dimension; 400 {@code invalid-dimension} otherwise. */
    public static String dimension(String by) {
        if (by == null || !io.minyi.stats.projection.domain.Contribution.DIMENSIONS.contains(by)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-dimension", "分类维度须为："
                    + String.join("、", io.minyi.stats.projection.domain.Contribution.DIMENSIONS),
                    "by must be one of " + io.minyi.stats.projection.domain.Contribution.DIMENSIONS);
        }
        return by;
    }

    /** A trend's granularity; 400 {@code invalid-granularity} otherwise. */
    public static String granularity(String granularity) {
        if (!GRANULARITIES.contains(granularity)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-granularity",
                    "趋势粒度须为 day、week、month、quarter 或 year。", "granularity must be day, week, month, quarter or year.");
        }
        return granularity;
    }

    /** The longest daily trend, in days. */
    public static final int MAX_DAILY_POINTS = 400;

    /** A trend's granularity over the range; 400 when unknown or when a daily trend would be too long. */
    public static String trend(Range range, String granularity) {
        granularity(granularity);
        if ("day".equals(granularity)
                && java.time.temporal.ChronoUnit.DAYS.between(range.from(), range.to()) >= MAX_DAILY_POINTS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "too-many-points", "按日趋势最多 " + MAX_DAILY_POINTS
                    + " 天，请缩短时段或按周、月查看。", "A daily trend covers at most " + MAX_DAILY_POINTS + " days.");
        }
        return granularity;
    }


    static ApiProblem bad(String zh, String en) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-period", zh, en);
    }
}
