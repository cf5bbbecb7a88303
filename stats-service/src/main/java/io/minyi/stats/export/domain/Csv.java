package io.minyi.stats.export.domain;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 4180 CSV (Apache Commons CSV) in UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese
 * headers), rates as percentages, and text that a spreadsheet would take for a formula prefixed with an
 * apostrophe.
 */
public final class Csv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private Csv() {
    }

    public static byte[] write(Table table) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180)) {
            printer.printRecord(table.columns().stream().map(c -> text(c.header())).toList());
            for (var row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(cell(row.get(i), table.columns().get(i).kind()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes rows as they come (nothing held but the current one): a header, then each row's values —
     * text, numbers, dates (ISO) — to {@code out}, which is flushed, not closed.
     */
    public static void stream(List<String> headers, Iterator<List<Object>> rows, OutputStream out) throws IOException {
        out.write(BOM);
        var printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
        printer.printRecord(headers.stream().map(Csv::text).toList());
        while (rows.hasNext()) {
            List<Object> row = rows.next();
            List<String> cells = new ArrayList<>(row.size());
            for (Object v : row) {
                cells.add(cell(v, Table.Kind.TEXT));
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    static String cell(Object v, Table.Kind kind) {
        if (v == null) {
            return "";
        }
        if (v instanceof Table.Percent p) {
            return String.format("%.2f%%", p.value() * 100);
        }
        if (v instanceof Number n && kind == Table.Kind.RATE) {
            return String.format("%.2f%%", n.doubleValue() * 100);
        }
        if (v instanceof Number n) {
            return n instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : n.toString();
        }
        return text(v.toString());
    }

    /** Text a spreadsheet would evaluate (=, +, -, @, tab, carriage return first) is kept as text. */
    static String text(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
