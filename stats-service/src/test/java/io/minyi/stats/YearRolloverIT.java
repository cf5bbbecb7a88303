package io.minyi.stats;

import io.minyi.contracts.Actor;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.stats.fixtures.ReportStory;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static io.minyi.stats.fixtures.ReportStory.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The end of a year in China time: the service's clock stands at 00:05 on 1 January, one report came a
 * minute before midnight and one just after. The finished year keeps its figures, its members' records,
 * its rankings and its annual workbook; the new year starts from what came after midnight.
 */
@MinyiServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(YearRolloverIT.NewYear.class)
class YearRolloverIT {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int YEAR = 2026;

    @TestConfiguration
    static class NewYear {
        @Bean
        Clock clock() {
            return Clock.fixed(ZonedDateTime.of(YEAR + 1, 1, 1, 0, 5, 0, 0, CHINA).toInstant(), CHINA);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    final String city = "y" + UUID.randomUUID().toString().substring(0, 8);
    final Actor wang = member("u-wang-" + city, "王委员");

    @BeforeAll
    void feed() {
        EventSender sender = new EventSender(kafka);
        ReportStory.submitted(city, YEAR + "-12-31T23:59", wang, "transport", "non-party", "visit", null, null)
                .signedOff(0.1, false).assigned(0.2, "dept-a", LocalDate.of(YEAR + 1, 1, 20)).responded(0.3)
                .decided(0.4, Outcome.ADOPTED, AdoptionLevel.CITY).closed(0.5, Outcome.ADOPTED)
                .events().forEach(sender::send);
        ReportStory.submitted(city, (YEAR + 1) + "-01-01T00:00:30", wang, "education", "non-party", "online", null, null)
                .events().forEach(sender::send);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/stats/summary?period=all&org=" + city).with(Callers.editor(city)))
                        .andExpect(jsonPath("$.received").value(2)).andExpect(jsonPath("$.closed").value(1)));
    }

    @Test
    void theFinishedYearKeepsItsFiguresAndTheNewOneStartsAtMidnightChinaTime() throws Exception {
        mvc.perform(get("/api/stats/summary?period=year&org=" + city).with(Callers.editor(city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.from").value((YEAR + 1) + "-01-01"))
                .andExpect(jsonPath("$.received").value(1)).andExpect(jsonPath("$.adopted").value(0));
        mvc.perform(get("/api/stats/summary?period=year&date=" + YEAR + "-12-31&org=" + city).with(Callers.editor(city)))
                .andExpect(jsonPath("$.received").value(1)).andExpect(jsonPath("$.signedOff").value(1))
                .andExpect(jsonPath("$.adopted").value(1));
        mvc.perform(get("/api/stats/trend?granularity=day&from=" + YEAR + "-12-31&to=" + (YEAR + 1) + "-01-01&org=" + city)
                        .with(Callers.editor(city)))
                .andExpect(jsonPath("$.points[0].received").value(1)).andExpect(jsonPath("$.points[1].received").value(1));
    }

    @Test
    void membersRecordsAndRankingsAreKeptPerYear() throws Exception {
        var asWang = Callers.named(wang.id(), "王委员", "member", city);
        mvc.perform(get("/api/stats/members/me?year=" + YEAR).with(asWang))
                .andExpect(jsonPath("$.submitted").value(1)).andExpect(jsonPath("$.adopted").value(1));
        mvc.perform(get("/api/stats/members/me").with(asWang)).andExpect(jsonPath("$.year").value(YEAR + 1))
                .andExpect(jsonPath("$.submitted").value(1)).andExpect(jsonPath("$.adopted").value(0));
        mvc.perform(get("/api/stats/rankings/departments?period=year&date=" + YEAR + "-12-31&org=" + city)
                        .with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[0].key").value("dept-a"));
    }

    @Test
    void theFinishedYearsAnnualWorkbookCanStillBeHad() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/stats/annual-report.xlsx?year=" + YEAR + "&org=" + city).with(Callers.editor(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var overview = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            StringBuilder text = new StringBuilder();
            overview.forEach(row -> row.forEach(cell -> text.append(format.formatCellValue(cell)).append('|')));
            assertThat(text).contains(String.valueOf(YEAR));
        }
        mvc.perform(get("/api/stats/annual-report.xlsx?year=" + (YEAR + 3) + "&org=" + city).with(Callers.editor(city)))
                .andExpect(status().isBadRequest());
    }
}
