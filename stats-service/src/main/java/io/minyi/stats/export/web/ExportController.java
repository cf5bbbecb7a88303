package io.minyi.stats.export.web;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.export.Tables;
import io.minyi.stats.export.domain.Csv;
import io.minyi.stats.export.domain.Table;
import io.minyi.stats.export.domain.Xlsx;
import io.minyi.stats.figures.Reports;
import io.minyi.stats.figures.domain.Range;
import io.minyi.stats.figures.web.Scope;
import io.minyi.stats.labels.Labels;
import io.minyi.stats.member.MemberRecords;
import io.minyi.stats.ranking.Rankings;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.support.audit.AuditLog;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every table as CSV or XLSX, and a body's annual summary report as one workbook. */
@RestController
class ExportController {

    private final Reports reports;
    private final Rankings rankings;
    private final MemberRecords members;
    private final Labels labels;
    private final Scope scope;
    private final AuditLog audit;

    ExportController(Reports reports, Rankings rankings, MemberRecords members, Labels labels, Scope scope,
                     AuditLog audit) {
        this.reports = reports;
        this.rankings = rankings;
        this.members = members;
        this.labels = labels;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * {@code table}: summary, breakdown ({@code by}), trend ({@code granularity}), ranking ({@code kind}),
     * members ({@code year}); {@code format}: csv or xlsx.
     */
    @GetMapping("/api/stats/export/{table}.{format}")
    ResponseEntity<byte[]> export(@PathVariable String table, @PathVariable String format,
                                  @RequestParam(required = false) String org, @RequestParam(required = false) String period,
                                  @RequestParam(required = false) String date, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, @RequestParam(required = false) String by,
                                  @RequestParam(defaultValue = "month") String granularity,
                                  @RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                                  Caller caller) {
        ExportFormats.of(format);
        OrgPath body = scope.office(caller, org);
        Range range = scope.range(period, date, from, to);
        Table t = switch (table) {
            case "summary" -> Tables.summary(reports.summary(body, range), labels.org(body.value()));
            case "breakdown" -> Tables.breakdown(Scope.dimension(by), reports.breakdown(body, range, by));
            case "trend" -> Tables.trend(reports.trend(body, range, Scope.trend(range, granularity)));
            case "ranking" -> Tables.ranking(Rankings.kind(kind),
                    rankings.rank(kind, body, range));
            case "members" -> Tables.members(members.all(body, scope.year(year)));
            default -> throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-table", "没有这张表：" + table,
                    "No such table: " + table);
        };
        String name = labels.org(body.value()) + "-" + t.name() + "-" + range.label();
        byte[] content = format.equals("csv") ? Csv.write(t) : Xlsx.write(List.of(t));
        return file(caller, body, name, format, content);
    }

    /** 年度社情民意信息工作统计: the year's overview, months, breakdowns, rankings and members, one sheet each. */
    @GetMapping("/api/stats/annual-report.xlsx")
    ResponseEntity<byte[]> annual(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
                                  Caller caller) {
        OrgPath body = scope.office(caller, org);
        int y = scope.year(year);
        Range range = Range.of("year", java.time.LocalDate.of(y, 1, 1), y);
        List<Table> sheets = new ArrayList<>();
        sheets.add(Tables.summary(reports.summary(body, range), labels.org(body.value())));
        sheets.add(Tables.trend(reports.trend(body, range, "month")));
        List<String> dimensions = List.of("body", "sector", "topic", "channel", "department", "station");
        var all = reports.breakdowns(body, range, dimensions);
        for (String dimension : dimensions) {
            sheets.add(Tables.breakdown(dimension, all.get(dimension)));
        }
        for (String kind : List.of("stations", "sectors", "departments")) {
            sheets.add(Tables.ranking(kind, rankings.rank(kind, body, range)));
        }
        sheets.add(Tables.members(members.all(body, y)));
        return file(caller, body, labels.org(body.value()) + "-" + y + "年度社情民意信息工作统计", "xlsx", Xlsx.write(sheets));
    }

    /** Every export is in the audit log before it is handed out (and is not handed out without it). */
    private ResponseEntity<byte[]> file(Caller caller, OrgPath body, String name, String format, byte[] content) {
        audit.recordOrRefuse(caller, AuditEvent.Actions.EXPORT, name + "." + format, null,
                Map.of("org", body.value(), "format", format, "bytes", String.valueOf(content.length)));
        ContentDisposition disposition = ContentDisposition.attachment().filename(name + "." + format, StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(ExportFormats.of(format)).body(content);
    }
}
