package io.minyi.stats.figures.web;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.figures.Reports;
import io.minyi.stats.figures.domain.Figures;
import io.minyi.stats.figures.domain.Range;
import io.minyi.stats.figures.domain.Row;
import io.minyi.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class FiguresController {

    private final Reports reports;
    private final Scope scope;

    FiguresController(Reports reports, Scope scope) {
        this.reports = reports;
        this.scope = scope;
    }

    /** The figures of {@code org} (default: the caller's body) and the bodies below it. */
    @GetMapping("/api/stats/summary")
    Figures summary(@RequestParam(required = false) String org, @RequestParam(required = false) String period,
                    @RequestParam(required = false) String date, @RequestParam(required = false) String from,
                    @RequestParam(required = false) String to, Caller caller) {
        return reports.summary(scope.office(caller, org), scope.range(period, date, from, to));
    }

    @GetMapping("/api/stats/breakdown")
    Breakdown breakdown(@RequestParam String by, @RequestParam(required = false) String org,
                        @RequestParam(required = false) String period, @RequestParam(required = false) String date,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        Caller caller) {
        OrgPath body = scope.office(caller, org);
        Range range = scope.range(period, date, from, to);
        return new Breakdown(body.value(), range.kind(), range.from().toString(), range.to().toString(), Scope.dimension(by),
                reports.breakdown(body, range, Scope.dimension(by)));
    }

    @GetMapping("/api/stats/trend")
    Trend trend(@RequestParam(defaultValue = "month") String granularity, @RequestParam(required = false) String org,
                @RequestParam(required = false) String period, @RequestParam(required = false) String date,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                Caller caller) {
        OrgPath body = scope.office(caller, org);
        Range range = scope.range(period, date, from, to);
        Scope.trend(range, granularity);
        return new Trend(body.value(), granularity, range.from().toString(), range.to().toString(),
                reports.trend(body, range, granularity));
    }

    record Breakdown(String org, String period, String from, String to, String by, List<Row> rows) {
    }

    record Trend(String org, String granularity, String from, String to, List<Reports.Point> points) {
    }
}
