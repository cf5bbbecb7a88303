package io.minyi.stats.export.domain;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A workbook (.xlsx) with one sheet per table, written by Apache POI's streaming SXSSF (at most
 * {@link #WINDOW} rows held in memory, the rest flushed to a temporary file that is deleted afterwards):
 * bold header row frozen at the top, numbers as numbers, rates as percentages, text as text.
 */
public final class Xlsx {

    static final int WINDOW = 200;
    private static final int COLUMN_WIDTH = 16 * 256;

    private Xlsx() {
    }

    public static byte[] write(List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(tables, bytes);
        return bytes.toByteArray();
    }

    public static void write(List<Table> tables, OutputStream out) {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            CellStyle header = headerStyle(book);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.00%"));
            List<String> names = sheetNames(tables);
            for (int i = 0; i < tables.size(); i++) {
                sheet(book.createSheet(names.get(i)), tables.get(i), header, percent);
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    /**
     * One sheet written as its rows come (at most {@link #WINDOW} in memory): a bold, frozen header, then
     * text, numbers and dates (as dates, yyyy-mm-dd).
     */
    public static void stream(String sheetName, List<String> headers, Iterator<List<Object>> rows, OutputStream out) {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            CellStyle header = headerStyle(book);
            CellStyle day = book.createCellStyle();
            day.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(sheetName, '_'));
            sheet.createFreezePane(0, 1);
            Row first = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, COLUMN_WIDTH);
                var cell = first.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(header);
            }
            for (int r = 1; rows.hasNext(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.next();
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof LocalDate d) {
                        var cell = row.createCell(c);
                        cell.setCellValue(d);
                        cell.setCellStyle(day);
                    } else if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
        }
    }

    private static CellStyle headerStyle(SXSSFWorkbook book) {
        Font bold = book.createFont();
        bold.setBold(true);
        CellStyle header = book.createCellStyle();
        header.setFont(bold);
        return header;
    }

    private static void sheet(SXSSFSheet sheet, Table t, CellStyle header, CellStyle percent) {
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < t.columns().size(); c++) {
            sheet.setColumnWidth(c, COLUMN_WIDTH);
        }
        Row first = sheet.createRow(0);
        for (int c = 0; c < t.columns().size(); c++) {
            var cell = first.createCell(c);
            cell.setCellValue(t.columns().get(c).header());
            cell.setCellStyle(header);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = t.rows().get(r);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue;
                }
                var cell = row.createCell(c);
                if (v instanceof Table.Percent p) {
                    cell.setCellValue(p.value());
                    cell.setCellStyle(percent);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                    if (t.columns().get(c).kind() == Table.Kind.RATE) {
                        cell.setCellStyle(percent);
                    }
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    /** Sheet names: what Excel allows (POI's safe name: at most 31 characters, none of []:*?/\), unique. */
    static List<String> sheetNames(List<Table> tables) {
        Set<String> used = new HashSet<>();
        return tables.stream().map(t -> {
            String base = WorkbookUtil.createSafeSheetName(t.name(), '_');
            base = base.length() > 28 ? base.substring(0, 28) : base;
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "(" + n + ")";
            }
            return name;
        }).toList();
    }
}
