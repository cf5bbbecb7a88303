package io.minyi.stats.ledger.web;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.export.web.ExportFormats;
import io.minyi.stats.figures.domain.Range;
import io.minyi.stats.figures.web.Scope;
import io.minyi.stats.ledger.Ledger;
import io.minyi.stats.ledger.LedgerFilter;
import io.minyi.stats.ledger.domain.LedgerColumns;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;

/** 台账: the report list as the office filtered it, every field a clerk files, as .xlsx or CSV. */
@RestController
class LedgerController {

    private final Ledger ledger;
    private final Scope scope;

    LedgerController(Ledger ledger, Scope scope) {
        this.ledger = ledger;
        this.scope = scope;
    }

    /**
     * The reports of {@code org} (default: the caller's body) and the bodies below it submitted in the period
     * ({@code period}/{@code date} or {@code from}–{@code to}; default this year), filtered like 信息检索:
     * topic, sector, station, channel, department and {@code state} (a work-screen state or a stage).
     */
    @GetMapping("/api/stats/ledger.{format}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String format,
                                                 @RequestParam(required = false) String org,
                                                 @RequestParam(required = false) String period,
                                                 @RequestParam(required = false) String date,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) String topic,
                                                 @RequestParam(required = false) String sector,
                                                 @RequestParam(required = false) String station,
                                                 @RequestParam(required = false) String channel,
                                                 @RequestParam(required = false) String department,
                                                 @RequestParam(required = false) String state, Caller caller) {
        MediaType type = ExportFormats.of(format);
        OrgPath body = scope.office(caller, org);
        Range range = scope.range(period, date, from, to);
        String stage = null;
        if (state != null && !state.isBlank()) {
            stage = LedgerColumns.STAGE_OF_STATE.get(state);
            if (stage == null) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-state", "未知的状态：" + state, "Unknown state: " + state);
            }
        }
        var export = ledger.prepare(caller, new LedgerFilter(body, range.from(), range.to(), topic,
                sector, station, channel, department, stage), format, range.label());
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(export.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Total-Count", String.valueOf(export.rows()))
                .body(out -> ledger.write(export, out));
    }
}
