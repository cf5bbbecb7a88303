package io.minyi.intake;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;

/** A spreadsheet as an office fills one in: a title row, the header, then a row each (Apache POI). */
final class SheetFixture {

    private SheetFixture() {
    }

    static String[] row(String... cells) {
        return cells;
    }

    static byte[] workbook(String title, String[] header, String[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet(title);
            sheet.createRow(0).createCell(0).setCellValue(title);
            var head = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r + 2);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
