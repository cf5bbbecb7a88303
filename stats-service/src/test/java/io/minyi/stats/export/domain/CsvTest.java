package io.minyi.stats.export.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void chineseHeadersWithAByteOrderMarkQuotedTextPercentagesAndNoFormulas() {
        Table t = new Table("按界别", List.of(Table.Column.text("名称"), Table.Column.number("收到"), Table.Column.rate("采用率")),
                List.of(List.of("民盟, 海口", 12L, 0.3333), Arrays.asList("=HYPERLINK(\"x\")", 0L, null)));
        String csv = new String(Csv.write(t), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF名称,收到,采用率\r\n");
        assertThat(csv).contains("\"民盟, 海口\",12,33.33%\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\",0,\r\n");
    }
}
