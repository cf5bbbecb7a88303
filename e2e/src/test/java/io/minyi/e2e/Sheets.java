package io.minyi.e2e;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The spreadsheets an office fills in (a title row, the header, a row each) and reads (every cell as text), with Apache POI. */
final class Sheets {

    private Sheets() {
    }

    static byte[] write(String title, List<String> header, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(title);
            sheet.createRow(0).createCell(0).setCellValue(title);
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** Every non-blank cell of every sheet, as text. */
    static List<String> cells(byte[] xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String v = format.formatCellValue(cell);
                        if (!v.isBlank()) {
                            cells.add(v);
                        }
                    }
                }
            }
        }
        return cells;
    }
}
