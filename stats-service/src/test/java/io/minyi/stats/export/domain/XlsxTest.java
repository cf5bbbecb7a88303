package io.minyi.stats.export.domain;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbooks open in Apache POI (as in a spreadsheet program): sheets, Chinese headers, numbers, percentages. */
class XlsxTest {

    @Test
    void aWorkbookHasOneSheetPerTableWithHeadersNumbersAndPercentages() throws Exception {
        Table a = new Table("总体情况", List.of(Table.Column.text("指标"), Table.Column.number("数值")),
                List.of(List.of("收到信息", 273L), List.of("采用率", new Table.Percent(0.2271))));
        Table b = new Table("按界别/专题:x", List.of(Table.Column.text("名称"), Table.Column.rate("采用率")),
                List.of(Arrays.asList("民盟<&>", null)));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.write(List.of(a, b))))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            Sheet first = book.getSheet("总体情况");
            assertThat(first.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(first.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(273.0);
            assertThat(first.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(0.2271);
            assertThat(first.getRow(2).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(first.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotEqualTo(
                    first.getRow(1).getCell(0).getCellStyle().getFontIndex());
            assertThat(book.getSheetName(1)).isEqualTo("按界别_专题_x");
            assertThat(book.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).isEqualTo("民盟<&>");
        }
    }

    @Test
    void sheetNamesAreWhatExcelAllowsAndUnique() {
        var t = new Table("按界别/专题:x", List.of(Table.Column.text("名称")), List.of());
        var long_ = new Table("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", List.of(Table.Column.text("名称")), List.of());
        assertThat(Xlsx.sheetNames(List.of(t, t, long_))).containsExactly("按界别_专题_x", "按界别_专题_x(2)",
                "一二三四五六七八九十一二三四五六七八九十一二三四五六七八");
    }

    @Test
    void aLargeTableStreamsThroughAFewRowsInMemory() throws Exception {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(List.of("第" + i + "行", (long) i, 0.5));
        }
        var t = new Table("台账", List.of(Table.Column.text("名称"), Table.Column.number("数"), Table.Column.rate("率")), rows);
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.write(List.of(t))))) {
            Sheet sheet = book.getSheet("台账");
            assertThat(sheet.getLastRowNum()).isEqualTo(5_000);
            assertThat(sheet.getRow(5_000).getCell(0).getStringCellValue()).isEqualTo("第4999行");
            assertThat(sheet.getRow(5_000).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }
}
