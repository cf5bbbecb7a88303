package io.minyi.stats.export.domain;

import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese headers),
 * rates as percentages, and text that a spreadsheet would take for a formula prefixed with an apostrophe.
 */
public final class Csv {

    private Csv() {
    }

    public static byte[] write(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.columns().stream().map(c -> (Object) c.header()).toList(), null);
        for (var row : table.rows()) {
            line(out, row, table);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, java.util.List<Object> values, Table table) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            Table.Kind kind = table == null ? Table.Kind.TEXT : table.columns().get(i).kind();
            out.append(cell(v, kind));
        }
        out.append("\r\n");
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
        String s = v.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
