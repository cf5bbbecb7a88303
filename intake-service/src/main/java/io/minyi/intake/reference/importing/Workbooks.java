package io.minyi.intake.reference.importing;

import io.minyi.support.web.ApiProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spreadsheets an office fills in (Apache POI): a titled sheet with one header row and a row per
 * entry; reading gives each row's cells as text by column header, with its row number as Excel shows it.
 */
public final class Workbooks {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 5_000;
    /** The running number offices put first (序号); optional when reading. */
    public static final String NUMBER = "序号";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbooks() {
    }

    /** A column: its header, its width in characters, and the choices offered in a drop-down (may be empty). */
    public record Column(String header, int width, List<String> choices) {
        public Column(String header, int width) {
            this(header, width, List.of());
        }
    }

    /** One data row: its number in Excel (header is row 2, under the title), its cells by header. */
    public record SheetRow(int number, Map<String, String> cells) {
        public String get(String header) {
            String v = cells.get(header);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** A sheet with a title row, the header row and the rows given (each in column order). */
    public static byte[] write(String sheetName, String title, List<Column> columns, List<List<String>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle titleStyle = wb.createCellStyle();
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            titleStyle.setFont(titleFont);
            sheet.createRow(0).createCell(0).setCellValue(title);
            sheet.getRow(0).getCell(0).setCellStyle(titleStyle);
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Row header = sheet.createRow(1);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(head);
                sheet.setColumnWidth(c, columns.get(c).width() * 256);
                if (!columns.get(c).choices().isEmpty()) {
                    var helper = sheet.getDataValidationHelper();
                    var constraint = helper.createExplicitListConstraint(columns.get(c).choices().toArray(String[]::new));
                    sheet.addValidationData(helper.createValidation(constraint, new CellRangeAddressList(2, 2 + MAX_ROWS, c, c)));
                }
            }
            sheet.createFreezePane(0, 2);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) != null) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The data rows of the first sheet, blank rows skipped. 400 {@code invalid-workbook} when it is not an
     * .xlsx file, too large or too long; 400 {@code invalid-template} when a column is missing.
     */
    public static List<SheetRow> read(InputStream in, long size, List<Column> columns) {
        if (size > MAX_BYTES) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "workbook-too-large", "文件超过 5 MB，请拆分后分批导入。",
                    "The file is larger than 5 MB; split it and import the parts.");
        }
        try (Workbook wb = WorkbookFactory.create(in)) {
            if (!(wb instanceof XSSFWorkbook)) {
                throw invalid();
            }
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int headerRow = findHeader(sheet, columns, format);
            Row header = sheet.getRow(headerRow);
            Map<Integer, String> byIndex = new HashMap<>();
            for (Cell cell : header) {
                byIndex.put(cell.getColumnIndex(), format.formatCellValue(cell).strip());
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean blank = true;
                for (var column : byIndex.entrySet()) {
                    Cell cell = row.getCell(column.getKey());
                    String value = cell == null ? "" : format.formatCellValue(cell);
                    blank &= value.isBlank();
                    cells.put(column.getValue(), value);
                }
                if (!blank) {
                    rows.add(new SheetRow(r + 1, cells));
                }
                if (rows.size() > MAX_ROWS) {
                    throw new ApiProblem(HttpStatus.BAD_REQUEST, "workbook-too-long", "一次最多导入 " + MAX_ROWS + " 行。",
                            "At most " + MAX_ROWS + " rows can be imported at once.");
                }
            }
            return rows;
        } catch (ApiProblem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            throw invalid();
        }
    }

    private static int findHeader(Sheet sheet, List<Column> columns, DataFormatter format) {
        for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), 5); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            List<String> headers = new ArrayList<>();
            row.forEach(c -> headers.add(format.formatCellValue(c).strip()));
            if (headers.contains(columns.get(1).header())) {
                List<String> missing = columns.stream().map(Column::header)
                        .filter(h -> !h.equals(NUMBER) && !headers.contains(h)).toList();
                if (!missing.isEmpty()) {
                    throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-template", "表头缺少列：" + String.join("、", missing)
                            + "。请使用下载的导入模板。", "Columns missing from the header: " + String.join(", ", missing)
                            + ". Use the downloadable template.");
                }
                return r;
            }
        }
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-template", "未找到表头（" + columns.get(1).header()
                + " …）。请使用下载的导入模板。", "No header row found; use the downloadable template.");
    }

    private static ApiProblem invalid() {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-workbook", "无法读取该文件，请上传 Excel 2007 及以上格式（.xlsx）的导入模板。",
                "The file cannot be read; upload the template as an .xlsx workbook.");
    }
}
