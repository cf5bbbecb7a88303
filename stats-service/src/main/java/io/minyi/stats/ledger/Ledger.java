package io.minyi.stats.ledger;

import io.minyi.contracts.audit.AuditEvent;
import io.minyi.stats.export.domain.Csv;
import io.minyi.stats.export.domain.Xlsx;
import io.minyi.stats.labels.Labels;
import io.minyi.stats.ledger.domain.LedgerColumns;
import io.minyi.stats.projection.domain.FactView;
import io.minyi.support.audit.AuditLog;
import io.minyi.support.security.Caller;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 台账: the office's register of reports as filtered on its screen, one row a report with every field a
 * clerk files, written as it is read (a cursor into the statistics' report facts, POI's streaming
 * workbook or Commons CSV), so 100,000 rows take no more memory than a hundred.
 */
@Service
public class Ledger {

    static final long MAX_ROWS = 500_000;

    private final LedgerStore store;
    private final Labels labels;
    private final AuditLog audit;
    private final LedgerColumns.Names names;

    Ledger(LedgerStore store, Labels labels, AuditLog audit) {
        this.store = store;
        this.labels = labels;
        this.audit = audit;
        this.names = new LedgerColumns.Names() {
            public String org(String code) {
                return labels.org(code);
            }

            public String channel(String code) {
                return labels.of("channel", code, Map.of(), null);
            }

            public String station(String code) {
                return labels.of("station", code, Map.of(), null);
            }

            public String topic(String code) {
                return labels.of("topic", code, Map.of(), null);
            }

            public String sector(String code) {
                return labels.of("sector", code, Map.of(), null);
            }

            public String department(String code) {
                return labels.department(code);
            }
        };
    }

    /** An export about to be written: its file name and rows, in the audit log already. */
    public record Prepared(LedgerFilter filter, String format, String fileName, long rows) {
    }

    /**
     * Counts what the filter matches (at most {@link #MAX_ROWS}) and records the export in the audit log
     * before anything is handed out; refused when the log cannot take it.
     */
    public Prepared prepare(Caller caller, LedgerFilter filter, String format, String rangeLabel) {
        long rows = store.count(filter);
        if (rows > MAX_ROWS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "too-many-rows",
                    "符合条件的信息有 " + rows + " 篇，台账一次最多导出 " + MAX_ROWS + " 篇，请缩小时间范围或增加筛选条件。",
                    rows + " reports match; a ledger holds at most " + MAX_ROWS + ".");
        }
        String name = labels.org(filter.org().value()) + "-社情民意信息台账-" + rangeLabel + "." + format;
        audit.recordOrRefuse(caller, AuditEvent.Actions.EXPORT, name, null, Map.of("org", filter.org().value(),
                "format", format, "rows", String.valueOf(rows), "filter", filter.toString()));
        return new Prepared(filter, format, name, rows);
    }

    public void write(Prepared export, OutputStream out) throws IOException {
        try (Stream<FactView> facts = store.stream(export.filter());
             ReadAhead<List<Object>> rows = new ReadAhead<>(facts.map(f -> LedgerColumns.row(f, names)).iterator(), 8,
                     "ledger-read-ahead")) {
            if (export.format().equals("csv")) {
                Csv.stream(LedgerColumns.HEADERS, rows, out);
            } else {
                Xlsx.stream("台账", LedgerColumns.HEADERS, rows, out);
            }
        }
    }
}
