package io.minyi.routing;

import io.minyi.contracts.Actor;
import io.minyi.contracts.AssignmentDeadlineRecomputed;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 办理时限 per body, urgency and topic, inherited from the nearest body above; recounted when the calendar changes. */
@MinyiServiceIT
class DeadlineRulesIT {

    @Autowired MockMvc mvc;
    @Autowired CaseStore cases;
    @Autowired WorkingCalendar calendar;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventProbe probe;
    String city;
    String district;
    LocalDate today;

    @BeforeEach
    void setUp() {
        probe = new EventProbe(bootstrap);
        city = "c" + UUID.randomUUID().toString().substring(0, 8);
        district = city + "/d1";
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        ReferenceSeed.publish(kafka, replica, List.of(ReferenceSeed.department(city + "-housing", "住建局", city, true, 1)));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void theNearestBodysRuleForTheTopicAndUrgencyGivesTheDeadline() throws Exception {
        RequestPostProcessor cityAdmin = admin(city);
        rule(cityAdmin, "{\"topic\":\"*\",\"veryUrgentDays\":2,\"urgentDays\":5,\"normalDays\":10}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.org").value(city));
        rule(cityAdmin, "{\"org\":\"" + district + "\",\"topic\":\"transport\",\"veryUrgentDays\":1,\"urgentDays\":4,"
                + "\"normalDays\":20}").andExpect(status().isOk());

        String inherited = signedOff(district, "education", "urgent");
        assign(inherited).andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value(calendar.plusWorkingDays(today, 5).toString()))
                .andExpect(jsonPath("$.deadlineWorkingDays").value(5))
                .andExpect(jsonPath("$.departmentName").value("住建局"));
        String byTopic = signedOff(district, "transport", "normal");
        assign(byTopic).andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value(calendar.plusWorkingDays(today, 20).toString()));
        String cityOwn = signedOff(city, "transport", "very-urgent");
        assign(cityOwn).andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value(calendar.plusWorkingDays(today, 2).toString()));

        mvc.perform(get("/api/deadline-rules/applying?org=" + district + "&topic=transport").with(Callers.editor(city)))
                .andExpect(jsonPath("$.org").value(district)).andExpect(jsonPath("$.normalDays").value(20))
                .andExpect(jsonPath("$.platformDefault").value(false))
                .andExpect(jsonPath("$.due.normal").value(calendar.plusWorkingDays(today, 20).toString()));
        mvc.perform(get("/api/deadline-rules/applying?org=" + district + "&topic=education").with(Callers.editor(district)))
                .andExpect(jsonPath("$.org").value(city)).andExpect(jsonPath("$.urgentDays").value(5));
        mvc.perform(get("/api/deadline-rules/applying?org=x" + city).with(Callers.editor("x" + city)))
                .andExpect(jsonPath("$.platformDefault").value(true)).andExpect(jsonPath("$.normalDays").value(15));

        // a later change applies to new assignments only: the one made keeps its deadline
        rule(cityAdmin, "{\"topic\":\"*\",\"veryUrgentDays\":2,\"urgentDays\":9,\"normalDays\":10}").andExpect(status().isOk());
        assertThat(cases.find(inherited).orElseThrow().assignment().deadline()).isEqualTo(calendar.plusWorkingDays(today, 5));
        String later = signedOff(district, "education", "urgent");
        assign(later).andExpect(jsonPath("$.deadline").value(calendar.plusWorkingDays(today, 9).toString()));

        mvc.perform(get("/api/deadline-rules").with(Callers.editor(district)))
                .andExpect(jsonPath("$.platformDefault.normalDays").value(15))
                .andExpect(jsonPath("$.rules.length()").value(1))
                .andExpect(jsonPath("$.rules[0].topic").value("transport"))
                .andExpect(jsonPath("$.rules[0].updatedBy").isNotEmpty());
        mvc.perform(delete("/api/deadline-rules?org=" + district + "&topic=transport").with(cityAdmin))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/deadline-rules/applying?org=" + district + "&topic=transport").with(Callers.editor(city)))
                .andExpect(jsonPath("$.org").value(city));
    }

    @Test
    void badRulesAndOtherBodiesRulesAreRefusedAndChangeNothing() throws Exception {
        rule(admin(city), "{\"topic\":\"*\",\"veryUrgentDays\":0,\"urgentDays\":7,\"normalDays\":61}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-deadline-rule"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("veryUrgentDays"))
                .andExpect(jsonPath("$.errors[0].message").value("特急件的办理时限应为 1 至 60 个工作日。"))
                .andExpect(jsonPath("$.errors[1].field").value("normalDays"));
        rule(admin(city), "{\"topic\":\"*\",\"veryUrgentDays\":9,\"urgentDays\":7,\"normalDays\":15}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("out-of-order"));
        rule(admin(city), "{\"topic\":\"*\",\"urgentDays\":7,\"normalDays\":15}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("veryUrgentDays"));
        rule(admin(city), "{\"topic\":\"no-such-topic\",\"veryUrgentDays\":3,\"urgentDays\":7,\"normalDays\":15}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unknown-topic"));
        rule(Callers.editor(city), "{\"topic\":\"*\",\"veryUrgentDays\":3,\"urgentDays\":7,\"normalDays\":15}")
                .andExpect(status().isForbidden());
        rule(admin(district), "{\"org\":\"" + city + "\",\"topic\":\"*\",\"veryUrgentDays\":3,\"urgentDays\":7,"
                + "\"normalDays\":15}").andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("foreign-org"));
        mvc.perform(get("/api/deadline-rules/applying?org=" + city).with(Callers.editor(district)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/deadline-rules").with(Callers.member(city))).andExpect(status().isForbidden());
        mvc.perform(get("/api/deadline-rules").with(Callers.editor(city))).andExpect(jsonPath("$.rules").isEmpty());
    }

    @Test
    void aHolidayDeclaredLaterMovesTheDeadlinesTheRulesCountedButNotADateTheOfficeSet() throws Exception {
        String counted = signedOff(city, "education", "normal");
        assign(counted).andExpect(status().isOk());
        LocalDate due = cases.find(counted).orElseThrow().assignment().deadline();
        String fixed = signedOff(city, "education", "normal");
        assign(fixed, "{\"action\":\"assign\",\"department\":\"" + city + "-housing\",\"deadline\":\"" + due + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.deadlineWorkingDays").value(org.hamcrest.Matchers.nullValue()));

        CalendarChanged before = replica.calendarYears().get(due.getYear());
        List<LocalDate> holidays = new ArrayList<>(before == null ? List.of() : before.holidays());
        holidays.add(due);
        long revision = before == null ? 0 : before.revision();
        try {
            ReferenceSeed.publish(kafka, replica, List.of(new CalendarChanged(UUID.randomUUID(), Instant.now(), "admin",
                    revision + 1, due.getYear(), holidays, before == null ? List.of() : before.workingWeekends(),
                    "补充通知")));
            LocalDate moved = calendar.onOrAfter(due.plusDays(1));
            AssignmentDeadlineRecomputed event = probe.await(counted, AssignmentDeadlineRecomputed.class);
            assertThat(event.previous()).isEqualTo(due);
            assertThat(event.deadline()).isEqualTo(moved);
            assertThat(event.calendarYear()).isEqualTo(due.getYear());
            await().untilAsserted(() -> assertThat(cases.find(counted).orElseThrow().assignment().deadline()).isEqualTo(moved));
            assertThat(cases.find(fixed).orElseThrow().assignment().deadline()).as("the office's date").isEqualTo(due);
            assertThat(probe.all(fixed, Duration.ofSeconds(1))).noneMatch(e -> e instanceof AssignmentDeadlineRecomputed);
        } finally {
            ReferenceSeed.publish(kafka, replica, List.of(new CalendarChanged(UUID.randomUUID(), Instant.now(), "admin",
                    revision + 2, due.getYear(), before == null ? List.of() : before.holidays(),
                    before == null ? List.of() : before.workingWeekends(), "还原")));
        }
        await().untilAsserted(() -> assertThat(cases.find(counted).orElseThrow().assignment().deadline()).isEqualTo(due));
    }

    private static RequestPostProcessor admin(String org) {
        return Callers.token("u-admin-" + org.hashCode(), "admin", org, null);
    }

    private ResultActions rule(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(put("/api/deadline-rules").with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions assign(String id) throws Exception {
        return assign(id, "{\"action\":\"assign\",\"department\":\"" + city + "-housing\"}");
    }

    private ResultActions assign(String id, String json) throws Exception {
        String org = cases.find(id).orElseThrow().org().value();
        return mvc.perform(post("/api/reports/" + id + "/transitions").with(Callers.editor(org))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String signedOff(String org, String topic, String urgency) throws Exception {
        String id = UUID.randomUUID().toString();
        new EventSender(kafka).send(new ReportSubmitted(UUID.randomUUID(), Instant.now(), id, OrgPath.of(org),
                new Actor("u-member", "王委员", "member"), "标题", "摘要", "正文。", "own-observation", topic, null,
                urgency, List.of()));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        for (String[] step : new String[][]{{"editor", "start-editing"}, {"leader", "sign-off"}}) {
            mvc.perform(post("/api/reports/" + id + "/transitions")
                    .with(step[0].equals("editor") ? Callers.editor(org) : Callers.leader(org))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"action\":\"" + step[1] + "\"}"))
                    .andExpect(status().isOk());
        }
        return id;
    }
}
