package io.minyi.stats;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Actor;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.Rating;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.stats.fixtures.ReportStory;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.minyi.stats.fixtures.ReportStory.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 台账: the office's register of reports, filtered as on its screen, with every field a clerk files. */
@MinyiServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIT {

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    final String city = "l" + UUID.randomUUID().toString().substring(0, 8);
    final String district = city + "/longhua";
    final String street = district + "/jinyu";
    final String sibling = city + "/meilan";
    final Actor wang = member("u-wang-" + city, "王委员");
    final Actor li = member("u-li-" + city, "李委员");
    ReportStory closed;
    ReportStory open;

    @BeforeAll
    void feed() {
        closed = ReportStory.submitted(district, "2026-03-02T09:00", wang, "transport", "non-party", "visit", "st-a", 40, "钱委员")
                .retitled(1, "关于优化公交线路的建议").signedOff(2, true).instructed(3)
                .assigned(4, "dept-a", LocalDate.of(2026, 3, 20)).responded(30, "海交函〔2026〕12号")
                .decided(31, Outcome.ADOPTED, AdoptionLevel.CITY).closed(32, Outcome.ADOPTED).rated(40, wang, Rating.SATISFIED);
        open = ReportStory.submitted(street, "2026-04-01T09:00", li, "education", "economy", "online", null, null)
                .signedOff(2, false);
        ReportStory theirs = ReportStory.submitted(sibling, "2026-04-02T09:00", li, "education", "economy", "online", null, null);
        ReportStory lastYear = ReportStory.submitted(district, "2025-12-30T09:00", li, "education", "economy", "online", null, null);
        EventSender sender = new EventSender(kafka);
        List.of(closed, open, theirs, lastYear).forEach(s -> s.events().forEach(sender::send));
        closed.events().forEach(sender::send); // redelivered: still one row
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/stats/summary?period=year&date=2026-01-01&org=" + district).with(Callers.editor(district)))
                        .andExpect(jsonPath("$.received").value(2)).andExpect(jsonPath("$.closed").value(1)));
    }

    @Test
    void theWorkbookListsTheBodysReportsAndThoseBelowWithEveryFieldAClerkFiles() throws Exception {
        byte[] xlsx = download("/api/stats/ledger.xlsx?period=year&date=2026-06-01", Callers.editor(district));
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("台账");
            assertThat(texts(sheet.getRow(0))).startsWith("信息编号", "标题", "报送人", "联名人", "报送单位", "报送渠道")
                    .contains("签发日期", "交办日期", "承办单位", "办理时限", "答复日期", "答复函文号", "办结日期", "办理结果",
                            "采用级别", "满意度", "状态");
            assertThat(sheet.getLastRowNum()).as("two reports: the district's and its street's, not the sibling's nor last year's")
                    .isEqualTo(2);
            List<String> first = texts(sheet.getRow(1));
            assertThat(first.get(0)).isEqualTo(closed.id());
            assertThat(first).containsSubsequence("关于优化公交线路的建议", "王委员", "钱委员");
            assertThat(first).contains("2026-03-02", "2026-03-20", "海交函〔2026〕12号", "采纳", "满意", "已办结");
            assertThat(sheet.getRow(1).getCell(9).getLocalDateTimeCellValue().toLocalDate())
                    .as("dates are dates").isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(texts(sheet.getRow(2)).get(0)).isEqualTo(open.id());
            assertThat(texts(sheet.getRow(2))).contains("已签发");
        }
    }

    @Test
    void theCsvTakesTheScreensFiltersAndKeepsTheBom() throws Exception {
        byte[] csv = download("/api/stats/ledger.csv?from=2026-01-01&to=2026-12-31&department=dept-a&state=closed",
                Callers.leader(district));
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("信息编号")).isEqualTo(closed.id());
        assertThat(rows.get(0).get("答复函文号")).isEqualTo("海交函〔2026〕12号");
        assertThat(rows.get(0).get("交办日期")).isEqualTo("2026-03-02");

        byte[] streetOnly = download("/api/stats/ledger.csv?period=year&date=2026-06-01&org=" + street, Callers.editor(district));
        assertThat(new String(streetOnly, StandardCharsets.UTF_8)).contains(open.id()).doesNotContain(closed.id());
    }

    @Test
    void aSiblingAMemberAndBadFiltersAreRefusedAndEveryExportIsAudited() throws Exception {
        mvc.perform(get("/api/stats/ledger.xlsx?org=" + district).with(Callers.editor(sibling))).andExpect(status().isForbidden());
        mvc.perform(get("/api/stats/ledger.xlsx").with(Callers.member(district))).andExpect(status().isForbidden());
        mvc.perform(get("/api/stats/ledger.xlsx?state=nonsense").with(Callers.editor(district)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-state"));
        mvc.perform(get("/api/stats/ledger.pdf").with(Callers.editor(district))).andExpect(status().isNotFound());
        mvc.perform(get("/api/stats/ledger.csv?from=2026-05-01&to=2026-01-01").with(Callers.editor(district)))
                .andExpect(status().isBadRequest());

        download("/api/stats/ledger.csv?period=year&date=2026-06-01&topic=transport", Callers.editor(district));
        RequestPostProcessor auditor = Callers.token("u-auditor", "auditor", city, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(get("/api/audit").param("action", AuditEvent.Actions.EXPORT).with(auditor))
                        .andExpect(status().isOk()).andExpect(jsonPath("$.entries[*].event.subject",
                                org.hamcrest.Matchers.hasItem(containsString("社情民意信息台账")))));
    }

    private byte[] download(String url, RequestPostProcessor who) throws Exception {
        MvcResult started = mvc.perform(get(url).with(who)).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static List<String> texts(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> out = new ArrayList<>();
        row.forEach(c -> out.add(format.formatCellValue(c)));
        return out;
    }
}
