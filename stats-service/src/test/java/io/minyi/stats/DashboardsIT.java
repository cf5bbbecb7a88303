package io.minyi.stats;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Actor;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.Rating;
import io.minyi.stats.fixtures.ReportStory;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.minyi.stats.fixtures.ReportStory.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Members' records and scores, rankings, exports and live figures over known events. */
@MinyiServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsIT {

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    final String city = "d" + UUID.randomUUID().toString().substring(0, 8);
    final String district = city + "/longhua";
    final Actor wang = member("u-wang-" + city, "王委员");
    final Actor li = member("u-li-" + city, "李委员");
    final Actor zhao = member("u-zhao-" + city, "赵委员");

    @BeforeAll
    void feed() throws Exception {
        List<ReportStory> stories = List.of(
                ReportStory.submitted(district, "2026-03-02T09:00", wang, "transport", "non-party", "visit", "st-a", 40, "李委员")
                        .signedOff(2, true).instructed(3).assigned(4, "dept-a", LocalDate.of(2026, 3, 20)).responded(30)
                        .decided(31, Outcome.ADOPTED, AdoptionLevel.CITY).closed(32, Outcome.ADOPTED)
                        .rated(40, wang, Rating.SATISFIED),
                ReportStory.submitted(district, "2026-03-05T09:00", wang, "education", "non-party", "visit", "st-a", 10)
                        .signedOff(2, true).assigned(4, "dept-b", LocalDate.of(2026, 3, 6)).urged(90).responded(100)
                        .decided(101, Outcome.NOT_ADOPTED, null).closed(102, Outcome.NOT_ADOPTED)
                        .rated(110, wang, Rating.NOT_SATISFIED),
                ReportStory.submitted(district, "2026-04-01T09:00", li, "education", "economy", "visit", "st-b", 20)
                        .signedOff(2, false).assigned(4, "dept-a", LocalDate.of(2026, 4, 20)).responded(30)
                        .decided(31, Outcome.ADOPTED, AdoptionLevel.DISTRICT).closed(32, Outcome.ADOPTED),
                ReportStory.submitted(district, "2026-05-01T09:00", zhao, "health", "economy", "online", null, null));
        EventSender sender = new EventSender(kafka);
        stories.forEach(s -> s.events().forEach(sender::send));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/stats/summary?period=year&date=2026-01-01&org=" + district).with(Callers.editor(district)))
                        .andExpect(jsonPath("$.received").value(4)).andExpect(jsonPath("$.closed").value(3))
                        .andExpect(jsonPath("$.ratings.not-satisfied").value(1)));
    }

    @Test
    void theAuthorsOfAReportMergedIntoAnotherShareItsSignOffAndAdoptionOnce() throws Exception {
        String body = "m" + UUID.randomUUID().toString().substring(0, 8) + "/longhua";
        Actor zhou = member("u-zhou-" + body, "周委员");
        Actor wu = member("u-wu-" + body, "吴委员");
        ReportStory into = ReportStory.submitted(body, "2026-06-01T09:00", wu, "transport", "economy", "visit", null, null);
        ReportStory merged = ReportStory.submitted(body, "2026-06-01T10:00", zhou, "transport", "economy", "online",
                null, null, "孙委员");
        merged.mergedInto(1, into);
        into.signedOff(2, true).assigned(4, "dept-a", LocalDate.of(2026, 6, 20)).responded(30)
                .decided(31, Outcome.ADOPTED, AdoptionLevel.CITY).closed(32, Outcome.ADOPTED);
        EventSender sender = new EventSender(kafka);
        merged.events().forEach(sender::send);
        into.events().forEach(sender::send);
        into.events().stream().filter(e -> e instanceof io.minyi.contracts.ReportCredited).forEach(sender::send); // redelivered
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/stats/members/me?year=2026").with(Callers.named(zhou.id(), "周委员", "member", body)))
                        .andExpect(jsonPath("$.adopted").value(1)));
        mvc.perform(get("/api/stats/members/me?year=2026").with(Callers.named(zhou.id(), "周委员", "member", body)))
                .andExpect(jsonPath("$.submitted").value(1)).andExpect(jsonPath("$.signedOff").value(1))
                .andExpect(jsonPath("$.adoptedByLevel.city").value(1))
                // default rule: submitted 1 + signed off 2 + adopted by the city 8
                .andExpect(jsonPath("$.score").value(11.0));
        mvc.perform(get("/api/stats/members/me?year=2026").with(Callers.named(wu.id(), "吴委员", "member", body)))
                .andExpect(jsonPath("$.submitted").value(1)).andExpect(jsonPath("$.adopted").value(1))
                .andExpect(jsonPath("$.score").value(11.0));
        mvc.perform(get("/api/stats/breakdown?by=coauthor&period=all&org=" + body).with(Callers.leader(body)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.key == '孙委员')].adopted").value(org.hamcrest.Matchers.contains(1)));
        mvc.perform(get("/api/stats/summary?period=year&date=2026-01-01&org=" + body).with(Callers.editor(body)))
                .andExpect(jsonPath("$.received").value(2)).andExpect(jsonPath("$.adopted").value(1));
    }

    @Test
    void aMemberSeesTheirOwnYearAndTheOfficeSeesItsMembersScoredByItsRule() throws Exception {
        mvc.perform(get("/api/stats/members/me?year=2026").with(Callers.named(wang.id(), "王委员", "member", district)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").value(2)).andExpect(jsonPath("$.signedOff").value(2))
                .andExpect(jsonPath("$.instructed").value(1)).andExpect(jsonPath("$.adopted").value(1))
                .andExpect(jsonPath("$.adoptedByLevel.city").value(1))
                // default rule: 2×1 + 2×2 + 1×3 + city 8
                .andExpect(jsonPath("$.score").value(17.0));
        mvc.perform(get("/api/stats/members/me?year=2026").with(Callers.named(li.id(), "李委员", "member", district)))
                .andExpect(jsonPath("$.submitted").value(1)).andExpect(jsonPath("$.coAuthored").value(1))
                .andExpect(jsonPath("$.coAuthoredAdopted").value(1))
                // 1 + 2 + district 5 + co-authored 0.5 + half of city 8
                .andExpect(jsonPath("$.score").value(12.5));
        mvc.perform(get("/api/stats/members/me").with(Callers.editor(district))).andExpect(status().isForbidden());
        // the office opens one member's record by id: the name and the co-authorships come with it
        mvc.perform(get("/api/stats/members/" + li.id() + "?year=2026&org=" + district).with(Callers.leader(district)))
                .andExpect(jsonPath("$.name").value("李委员")).andExpect(jsonPath("$.coAuthored").value(1))
                .andExpect(jsonPath("$.score").value(12.5));
        mvc.perform(get("/api/stats/members/u-nobody?year=2026&org=" + district).with(Callers.leader(district)))
                .andExpect(status().isNotFound());

        // the district sets its own rule: adoption by the city counts 20
        mvc.perform(put("/api/stats/scoring").with(Callers.editor(district)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submitted\":1,\"coAuthored\":0,\"signedOff\":0,\"instructed\":0,"
                                + "\"adoption\":{\"city\":20,\"district\":10},\"coAuthorShare\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.org").value(district));
        mvc.perform(get("/api/stats/members?year=2026").with(Callers.leader(district)))
                .andExpect(jsonPath("$[0].name").value("王委员")).andExpect(jsonPath("$[0].score").value(22.0))
                .andExpect(jsonPath("$[1].name").value("李委员")).andExpect(jsonPath("$[1].score").value(11.0))
                .andExpect(jsonPath("$[2].name").value("赵委员")).andExpect(jsonPath("$[2].score").value(1.0));
        mvc.perform(get("/api/stats/scoring?org=" + district + "/jinyu").with(Callers.editor(district)))
                .andExpect(jsonPath("$.org").value(district));
        mvc.perform(put("/api/stats/scoring?org=" + city).with(Callers.editor(district)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submitted\":1,\"coAuthored\":0,\"signedOff\":0,\"instructed\":0,\"adoption\":{},\"coAuthorShare\":0}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/stats/scoring").with(Callers.editor(district)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submitted\":-5,\"coAuthored\":0,\"signedOff\":0,\"instructed\":0,\"adoption\":{},\"coAuthorShare\":0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/stats/scoring").with(Callers.editor(district)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"submitted\":1,\"coAuthored\":0,\"signedOff\":0,\"instructed\":0,\"adoption\":{\"moon\":3},\"coAuthorShare\":0}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-rule"));
        mvc.perform(delete("/api/stats/scoring").with(Callers.editor(district))).andExpect(status().isOk())
                .andExpect(jsonPath("$.submitted").value(1.0)).andExpect(jsonPath("$.adoption.city").value(8.0));
    }

    @Test
    void rankingsStateTheirMethodAndShareRanksOnTies() throws Exception {
        mvc.perform(get("/api/stats/rankings/stations?period=year&date=2026-01-01&org=" + district).with(Callers.leader(district)))
                .andExpect(jsonPath("$.method").value(org.hamcrest.Matchers.containsString("1224")))
                .andExpect(jsonPath("$.rows[0].key").value("st-a")).andExpect(jsonPath("$.rows[0].rank").value(1))
                .andExpect(jsonPath("$.rows[0].values.visitors").value(50))
                .andExpect(jsonPath("$.rows[0].values.reportsPer100Visitors").value(4.0))
                .andExpect(jsonPath("$.rows[1].key").value("st-b"));
        mvc.perform(get("/api/stats/rankings/departments?period=year&date=2026-01-01&org=" + district).with(Callers.leader(district)))
                .andExpect(jsonPath("$.rows[0].key").value("dept-a")).andExpect(jsonPath("$.rows[0].values.onTimeRate").value(1.0))
                .andExpect(jsonPath("$.rows[1].key").value("dept-b")).andExpect(jsonPath("$.rows[1].values.satisfactionRate").value(0.0))
                .andExpect(jsonPath("$.rows[0].values.urged").value(0))
                .andExpect(jsonPath("$.rows[1].values.urged").value(1))
                .andExpect(jsonPath("$.rows[1].values.answeredAfterUrgeRate").value(1.0));
        mvc.perform(get("/api/stats/rankings/sectors?period=year&date=2026-01-01&org=" + district).with(Callers.leader(district)))
                // 民主党派 and 经济界 each have one adoption: the rate decides (1/2 against 1/2), then the count (2 against 2): a tie
                .andExpect(jsonPath("$.rows[0].rank").value(1)).andExpect(jsonPath("$.rows[1].rank").value(1));
        mvc.perform(get("/api/stats/rankings/galaxies").with(Callers.leader(district))).andExpect(status().isNotFound());
    }

    @Test
    void exportsOpenInASpreadsheetWithChineseHeaders() throws Exception {
        MvcResult csv = mvc.perform(get("/api/stats/export/breakdown.csv?by=topic&period=year&date=2026-01-01&org=" + district)
                        .with(Callers.editor(district)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn();
        String text = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF编码,专题,收到,签发").contains("education,教育,2,2,1,0,0,0.00%,2,2,1,50.00%");

        byte[] xlsx = mvc.perform(get("/api/stats/export/summary.xlsx?period=year&date=2026-01-01&org=" + district)
                .with(Callers.editor(district))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("总体情况");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("收到信息");
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(4.0);
        }
        byte[] annual = mvc.perform(get("/api/stats/annual-report.xlsx?year=2026&org=" + district).with(Callers.leader(district)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(annual))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(12);
            assertThat(book.getSheet("趋势").getLastRowNum()).isEqualTo(12);
            assertThat(book.getSheet("委员履职").getRow(1).getCell(0).getStringCellValue()).isEqualTo("王委员");
        }
        mvc.perform(get("/api/stats/export/summary.pdf").with(Callers.editor(district))).andExpect(status().isNotFound());
        mvc.perform(get("/api/stats/export/breakdown.csv?by=secret").with(Callers.editor(district)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/stats/export/summary.csv?org=" + city).with(Callers.editor(district)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aLiveDashboardGetsTheFiguresAtOnceAndAgainWithinASecondOfAChange() throws Exception {
        MvcResult live = mvc.perform(get("/api/stats/live?period=year&date=2026-01-01&org=" + city).with(Callers.leader(city))
                .accept(MediaType.TEXT_EVENT_STREAM)).andExpect(request().asyncStarted()).andReturn();
        await().atMost(Duration.ofSeconds(5)).until(() -> body(live).contains("\"received\":4"));
        // a sibling district of the one the other tests look at, so their figures stay as they are
        new EventSender(kafka).send(ReportStory.submitted(city + "/meilan", "2026-06-01T09:00", zhao, "health", null, "online", null, null)
                .events().get(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> body(live).contains("\"received\":5"));
        assertThat(body(live)).contains("event:figures");
        mvc.perform(get("/api/stats/live?org=" + city).with(Callers.editor(district))).andExpect(status().isForbidden());
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
