package io.minyi.stats;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Actor;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.Rating;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.fixtures.ReportStory;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.contracts.reference.ReferenceChanged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.minyi.stats.fixtures.ReportStory.member;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Known report lives fed as events — each report's events shuffled and many sent twice — and the
 * exact figures they must give, per body and subtree, period and breakdown.
 */
@MinyiServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresIT {

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;
    final String city = "c" + UUID.randomUUID().toString().substring(0, 8);
    final String district = city + "/longhua";
    final String street = district + "/jinyu";
    final Actor wang = member("u-wang-" + city, "王委员");
    final Actor li = member("u-li-" + city, "李委员");

    @BeforeAll
    void feed() throws Exception {
        List<ReportStory> stories = List.of(
                // 1: street, November, adopted at city level, same-day sign-off in 3 h, answered in 48 h on time
                ReportStory.submitted(street, "2026-11-02T09:00", wang, "transport", "non-party", "visit",
                                "st-jinyu", 12, "李委员")
                        .signedOff(3, true).forwardedUp(4).instructed(5).assigned(6, "dept-a", LocalDate.of(2026, 11, 20))
                        .responded(54).decided(60, Outcome.ADOPTED, AdoptionLevel.CITY).closed(61, Outcome.ADOPTED)
                        .rated(70, wang, Rating.SATISFIED),
                // 2: district, November, not adopted, signed off the next day (30 h), answered late, reclassified
                ReportStory.submitted(district, "2026-11-02T15:00", li, "urban-construction", "economy", "online", null, null)
                        .reclassified(1, "transport").signedOff(30, false).assigned(31, "dept-b", LocalDate.of(2026, 11, 3))
                        .responded(100).decided(101, Outcome.NOT_ADOPTED, null).closed(102, Outcome.NOT_ADOPTED)
                        .rated(110, li, Rating.NOT_SATISFIED),
                // 3: district, December, assigned and overdue now
                ReportStory.submitted(district, "2026-12-01T10:00", wang, "education", "non-party", "own-observation", null, null)
                        .signedOff(2, true).assigned(3, "dept-a", LocalDate.of(2026, 12, 10)).overdue(300, LocalDate.of(2026, 12, 10)),
                // 4: city itself, October, withdrawn
                ReportStory.submitted(city, "2026-10-15T10:00", li, "education", null, "online", null, null).withdrawn(1, li),
                // 5: city itself, last year, adopted at department level
                ReportStory.submitted(city, "2025-06-01T10:00", li, "education", null, "online", null, null)
                        .signedOff(1, true).assigned(2, "dept-b", LocalDate.of(2025, 6, 30)).responded(26)
                        .decided(27, Outcome.ADOPTED, AdoptionLevel.DEPARTMENT).closed(28, Outcome.ADOPTED));
        EventSender sender = new EventSender(kafka);
        Random random = new Random(7);
        for (ReportStory story : stories) {
            List<ReportEvent> events = new ArrayList<>(story.events());
            Collections.shuffle(events, random); // out of order within a report
            events.forEach(sender::send);
            events.stream().filter(e -> random.nextBoolean()).forEach(sender::send); // and some twice
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/api/stats/summary?period=all&org=" + city).with(Callers.leader(city)))
                        .andExpect(jsonPath("$.received").value(4))
                        .andExpect(jsonPath("$.closed").value(3))
                        .andExpect(jsonPath("$.overdueNow").value(1))
                        .andExpect(jsonPath("$.ratings.not-satisfied").value(1))
                        .andExpect(jsonPath("$.byStatus.withdrawn").value(1)));
    }

    @Test
    void aYearOfTheWholeCityCountsEveryReportOnceWithItsRatesAndTimes() throws Exception {
        mvc.perform(get("/api/stats/summary?period=year&date=2026-05-01&org=" + city).with(Callers.leader(city)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value("2026-01-01")).andExpect(jsonPath("$.to").value("2026-12-31"))
                .andExpect(jsonPath("$.received").value(3))
                .andExpect(jsonPath("$.withdrawn").value(1))
                .andExpect(jsonPath("$.signedOff").value(3))
                .andExpect(jsonPath("$.sameDaySignOff").value(2))
                .andExpect(jsonPath("$.sameDayRate").value(0.6667))
                .andExpect(jsonPath("$.forwardedUp").value(1))
                .andExpect(jsonPath("$.instructed").value(1))
                .andExpect(jsonPath("$.instructionRate").value(0.3333))
                .andExpect(jsonPath("$.assigned").value(3))
                .andExpect(jsonPath("$.responded").value(2))
                .andExpect(jsonPath("$.respondedOnTime").value(1))
                .andExpect(jsonPath("$.onTimeRate").value(0.5))
                .andExpect(jsonPath("$.adopted").value(1))
                .andExpect(jsonPath("$.notAdopted").value(1))
                .andExpect(jsonPath("$.adoptionRate").value(0.3333))
                .andExpect(jsonPath("$.adoptedByLevel.city").value(1))
                .andExpect(jsonPath("$.adoptedByLevel.department").value(0))
                .andExpect(jsonPath("$.overdueNow").value(1))
                .andExpect(jsonPath("$.visitors").value(12))
                .andExpect(jsonPath("$.ratings.satisfied").value(1))
                .andExpect(jsonPath("$.satisfactionRate").value(0.5))
                // sign-off after 2 h, 3 h and 30 h: median in the 2–4 h bucket, p90 in the 24–48 h one
                .andExpect(jsonPath("$.signOffHours.median").value(3.5))
                .andExpect(jsonPath("$.signOffHours.p90").value(40.8))
                .andExpect(jsonPath("$.byStatus.closed").value(2))
                .andExpect(jsonPath("$.byStatus.assigned").value(1));
    }

    @Test
    void periodsSelectByTheDayOfReceiptAndTheSubtreeByTheBody() throws Exception {
        mvc.perform(get("/api/stats/summary?period=month&date=2026-11-30&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.received").value(2)).andExpect(jsonPath("$.adopted").value(1));
        mvc.perform(get("/api/stats/summary?period=day&date=2026-11-02&org=" + street).with(Callers.editor(street)))
                .andExpect(jsonPath("$.received").value(1)).andExpect(jsonPath("$.adoptedByLevel.city").value(1));
        mvc.perform(get("/api/stats/summary?from=2026-10-01&to=2026-11-01&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.received").value(0)).andExpect(jsonPath("$.withdrawn").value(1))
                .andExpect(jsonPath("$.adoptionRate").value(nullValue()));
        mvc.perform(get("/api/stats/summary?period=all").with(Callers.editor(district)))
                .andExpect(jsonPath("$.org").value(district)).andExpect(jsonPath("$.received").value(3));
        mvc.perform(get("/api/stats/summary?period=quarter&date=2025-05-01&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.received").value(1)).andExpect(jsonPath("$.adoptedByLevel.department").value(1));
    }

    @Test
    void namesComeFromTheReferenceEventsAndARenameShowsAtTheNextQuery() throws Exception {
        String dept = "dept-a";
        ReferenceSeed.publish(kafka, replica, List.of(
                new ReferenceChanged(UUID.randomUUID(), Instant.now(), "admin", 1, "orgs", city, "海南省政协", null, true,
                        List.of("省级", "市级", "区（县）级", "街镇"), null)));
        mvc.perform(get("/api/stats/breakdown?by=level&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[?(@.key=='1')].label").value("省级"))
                .andExpect(jsonPath("$.rows[?(@.key=='2')].label").value("市级"));
        long revision = replica.department(dept).map(ReferenceChanged::revision).orElse(0L);
        ReferenceSeed.publish(kafka, replica, List.of(new ReferenceChanged(UUID.randomUUID(), Instant.now(), "admin",
                revision + 1, "departments", dept, "海口市甲局", city, true, List.of(),
                new ReferenceChanged.Department("甲局", "party-government", null, null, null))));
        mvc.perform(get("/api/stats/breakdown?by=department&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[?(@.key=='dept-a')].label").value("甲局"));
        ReferenceSeed.publish(kafka, replica, List.of(new ReferenceChanged(UUID.randomUUID(), Instant.now(), "admin",
                revision + 2, "departments", dept, "海口市甲局", city, false, List.of(),
                new ReferenceChanged.Department("甲局（已撤并）", "party-government", null, null, null))));
        mvc.perform(get("/api/stats/breakdown?by=department&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[?(@.key=='dept-a')].label").value("甲局（已撤并）"))
                .andExpect(jsonPath("$.rows[?(@.key=='dept-a')].assigned").value(2));
    }

    @Test
    void breakdownsFollowTheLatestClassificationAndNameMembers() throws Exception {
        mvc.perform(get("/api/stats/breakdown?by=topic&period=year&date=2026-01-01&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[0].key").value("transport"))
                .andExpect(jsonPath("$.rows[0].received").value(2))
                .andExpect(jsonPath("$.rows[0].label").value("交通出行"))
                .andExpect(jsonPath("$.rows[1].key").value("education"));
        mvc.perform(get("/api/stats/breakdown?by=member&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[?(@.key=='" + wang.id() + "')].label").value("王委员"))
                .andExpect(jsonPath("$.rows[?(@.key=='" + wang.id() + "')].received").value(2))
                .andExpect(jsonPath("$.rows[?(@.key=='" + li.id() + "')].received").value(2));
        mvc.perform(get("/api/stats/breakdown?by=body&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[?(@.key=='" + district + "')].received").value(3))
                .andExpect(jsonPath("$.rows[?(@.key=='_self')].received").value(1));
        mvc.perform(get("/api/stats/breakdown?by=department&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[?(@.key=='dept-a')].assigned").value(2))
                .andExpect(jsonPath("$.rows[?(@.key=='dept-a')].overdueNow").value(1))
                .andExpect(jsonPath("$.rows[?(@.key=='dept-b')].onTimeRate").value(0.5));
        mvc.perform(get("/api/stats/breakdown?by=station&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[0].key").value("st-jinyu")).andExpect(jsonPath("$.rows[0].visitors").value(12));
        mvc.perform(get("/api/stats/breakdown?by=coauthor&period=all&org=" + city).with(Callers.leader(city)))
                .andExpect(jsonPath("$.rows[0].key").value("李委员")).andExpect(jsonPath("$.rows[0].adopted").value(1));
    }

    @Test
    void aTrendHasOnePointPerPeriod() throws Exception {
        mvc.perform(get("/api/stats/trend?granularity=month&from=2026-10-01&to=2026-12-31&org=" + city)
                        .with(Callers.leader(city)))
                .andExpect(jsonPath("$.points.length()").value(3))
                .andExpect(jsonPath("$.points[0].label").value("2026-10"))
                .andExpect(jsonPath("$.points[0].received").value(0))
                .andExpect(jsonPath("$.points[1].received").value(2))
                .andExpect(jsonPath("$.points[2].received").value(1))
                .andExpect(jsonPath("$.points[2].overdueNow").value(1));
    }

    @Test
    void aBodyNeverSeesASiblingsOrItsParentsFiguresAndBadInputIsRefused() throws Exception {
        mvc.perform(get("/api/stats/summary?org=" + district).with(Callers.editor(city + "/meilan")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("foreign-org"));
        mvc.perform(get("/api/stats/breakdown?by=topic&org=" + city).with(Callers.editor(district)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/stats/summary").with(Callers.member(city))).andExpect(status().isForbidden());
        mvc.perform(get("/api/stats/summary?org=Bad//x").with(Callers.leader(city))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/stats/summary?period=decade").with(Callers.leader(city)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-period"));
        mvc.perform(get("/api/stats/summary?from=2026-12-01&to=2026-11-01").with(Callers.leader(city)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/stats/breakdown?by=password").with(Callers.leader(city)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-dimension"));
    }
}
