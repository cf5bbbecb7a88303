package io.minyi.stats.export.web;

import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The two file formats of every export: .xlsx and CSV (UTF-8). */
public final class ExportFormats {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** The media type of {@code format} ({@code csv} or {@code xlsx}); 404 for any other. */
    public static MediaType of(String format) {
        return switch (format) {
            case "csv" -> CSV;
            case "xlsx" -> XLSX;
            default -> throw new ApiProblem(HttpStatus.NOT_FOUND, "unknown-format", "导出格式须为 csv 或 xlsx。",
                    "Format must be csv or xlsx.");
        };
    }

    private ExportFormats() {
    }
}
