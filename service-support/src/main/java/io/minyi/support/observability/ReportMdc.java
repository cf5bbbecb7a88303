package io.minyi.support.observability;

import org.slf4j.MDC;

/** Puts the report id into every log line written while handling that report. */
public final class ReportMdc implements AutoCloseable {

    public static final String KEY = "reportId";

    private ReportMdc(String reportId) {
        MDC.put(KEY, reportId);
    }

    public static ReportMdc of(String reportId) {
        return new ReportMdc(reportId);
    }

    @Override
    public void close() {
        MDC.remove(KEY);
    }
}
