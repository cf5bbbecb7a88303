package io.minyi.stats.export.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A workbook (Office Open XML, .xlsx) with one sheet per table: bold header row frozen at the top,
 * numbers as numbers, rates as percentages, text as inline strings.
 */
public final class Xlsx {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Xlsx() {
    }

    public static byte[] write(List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> names = sheetNames(tables);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
            StringBuilder sheets = new StringBuilder();
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            for (int i = 1; i <= tables.size(); i++) {
                types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                        .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
                sheets.append("<sheet name=\"").append(escape(names.get(i - 1))).append("\" sheetId=\"").append(i)
                        .append("\" r:id=\"rId").append(i).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL)
                        .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
            }
            rels.append("<Relationship Id=\"rId").append(tables.size() + 1).append("\" Type=\"").append(REL)
                    .append("/styles\" Target=\"styles.xml\"/></Relationships>");
            entry(zip, "[Content_Types].xml", types.append("</Types>").toString());
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\""
                    + NS + "\" xmlns:r=\"" + REL + "\"><sheets>" + sheets + "</sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", rels.toString());
            entry(zip, "xl/styles.xml", STYLES);
            for (int i = 0; i < tables.size(); i++) {
                entry(zip, "xl/worksheets/sheet" + (i + 1) + ".xml", sheet(tables.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><styleSheet xmlns=\"" + NS + "\">"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
            + "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
            + "</styleSheet>";

    private static String sheet(Table t) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"")
                .append(NS).append("\"><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
                        + "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>")
                .append("<cols><col min=\"1\" max=\"").append(Math.max(1, t.columns().size()))
                .append("\" width=\"16\" customWidth=\"1\"/></cols><sheetData>");
        s.append("<row r=\"1\">");
        for (int c = 0; c < t.columns().size(); c++) {
            text(s, ref(c, 1), t.columns().get(c).header(), 1);
        }
        s.append("</row>");
        for (int r = 0; r < t.rows().size(); r++) {
            int line = r + 2;
            s.append("<row r=\"").append(line).append("\">");
            List<Object> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                if (v instanceof Table.Percent p) {
                    s.append("<c r=\"").append(ref(c, line)).append("\" s=\"2\"><v>").append(p.value()).append("</v></c>");
                } else if (v instanceof Number n) {
                    s.append("<c r=\"").append(ref(c, line)).append('"')
                            .append(t.columns().get(c).kind() == Table.Kind.RATE ? " s=\"2\"" : "")
                            .append("><v>").append(n instanceof Double d && d == Math.rint(d) && !d.isInfinite()
                                    ? String.valueOf(d.longValue()) : n.toString()).append("</v></c>");
                } else {
                    text(s, ref(c, line), v.toString(), 0);
                }
            }
            s.append("</row>");
        }
        return s.append("</sheetData></worksheet>").toString();
    }

    private static void text(StringBuilder s, String ref, String value, int style) {
        s.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"").append(style > 0 ? " s=\"" + style + "\"" : "")
                .append("><is><t xml:space=\"preserve\">").append(escape(value)).append("</t></is></c>");
    }

    /** A1-style reference of a zero-based column and a one-based row. */
    static String ref(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.append(row).toString();
    }

    /** Sheet names: at most 31 characters, none of {@code []:*?/\}, unique. */
    static List<String> sheetNames(List<Table> tables) {
        Set<String> used = new HashSet<>();
        return tables.stream().map(t -> {
            String base = t.name().replaceAll("[\\[\\]:*?/\\\\]", "_");
            base = base.length() > 28 ? base.substring(0, 28) : base;
            String name = base.isEmpty() ? "Sheet" : base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "(" + n + ")";
            }
            return name;
        }).toList();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
                        out.append(ch); // other control characters are not allowed in XML
                    }
                }
            }
        }
        return out.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
