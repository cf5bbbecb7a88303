package io.minyi.routing;

import io.minyi.contracts.Actor;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.FollowUpCompleted;
import io.minyi.contracts.FollowUpScheduled;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReopenRequested;
import io.minyi.contracts.ReportOutcomeDecided;
import io.minyi.contracts.ReportResponded;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReportEventMother;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** After the department answered: the outcome with its level, an author's reopen request, 回头看. */
@MinyiServiceIT
class AfterAnswerIT {

    static final String ORG = "haikou/xiuying";
    static final String DEPT = ReportEventMother.DEPARTMENT;

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired CaseStore cases;
    @Autowired Clock clock;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventProbe probe;
    EventSender sender;
    String id;
    ReportResponded responded;

    @BeforeEach
    void answered() throws Exception {
        probe = new EventProbe(bootstrap);
        sender = new EventSender(kafka);
        id = UUID.randomUUID().toString();
        sender.send(ReportEventMother.submitted(id, ORG));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        act(Callers.editor(ORG), "{\"action\":\"start-editing\"}").andExpect(status().isOk());
        act(Callers.leader(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        act(Callers.editor(ORG), "{\"action\":\"assign\",\"department\":\"" + DEPT + "\"}").andExpect(status().isOk());
        responded = new ReportResponded(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-dept", "住建局办理人", "department"), DEPT, "已制定加装电梯补贴办法。", "海住建函〔2026〕88号",
                "2027年3月底前出台补贴细则", List.of(), List.of());
        sender.send(responded);
        await().untilAsserted(() -> assertThat(cases.find(id).orElseThrow().status().wireName()).isEqualTo("responded"));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void theTimelineShowsEveryStepOnceInOrderToTheOfficeAndTheBareStepsToTheAuthor() throws Exception {
        String timeline = "/api/reports/" + id + "/timeline";
        List<String> steps = List.of("report.submitted", "report.editing-started", "report.signed-off",
                "report.assigned", "report.responded");
        await().untilAsserted(() -> mvc.perform(get(timeline).with(Callers.editor(ORG))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].type").value(org.hamcrest.Matchers.contains(steps.toArray()))));
        sender.send(responded); // redelivered
        act(Callers.editor(ORG), "{\"action\":\"decide\",\"outcome\":\"not-adopted\"}").andExpect(status().isOk());
        await().untilAsserted(() -> mvc.perform(get(timeline).with(Callers.editor(ORG)))
                .andExpect(jsonPath("$.length()").value(steps.size() + 1))
                .andExpect(jsonPath("$[5].type").value("report.outcome-decided")));
        mvc.perform(get(timeline).with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[1].actorRole").value("editor"))
                .andExpect(jsonPath("$[3].org").value(ORG))
                .andExpect(jsonPath("$[3].details.department").value(DEPT))
                .andExpect(jsonPath("$[3].details.body").doesNotExist())
                .andExpect(jsonPath("$[4].actorName").value("住建局办理人"))
                .andExpect(jsonPath("$[4].details.letterNo").value("海住建函〔2026〕88号"))
                .andExpect(jsonPath("$[5].details.outcome").value("not-adopted"));
        mvc.perform(get(timeline).with(Callers.editor("haikou"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(steps.size() + 1));

        mvc.perform(get(timeline).with(Callers.token("u-member", "member", ORG, null))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(steps.size() + 1))
                .andExpect(jsonPath("$[0].actorName").value("王委员"))
                .andExpect(jsonPath("$[4].actorName").doesNotExist())
                .andExpect(jsonPath("$[4].actorRole").value("department"))
                .andExpect(jsonPath("$[4].details").isEmpty());

        mvc.perform(get(timeline).with(Callers.editor("haikou/meilan"))).andExpect(status().isNotFound());
        mvc.perform(get(timeline).with(Callers.member(ORG))).andExpect(status().isNotFound());
        mvc.perform(get(timeline).with(Callers.department(ORG, DEPT))).andExpect(status().isNotFound());
    }

    @Test
    void anAdoptionRecordsItsLevelAndEvidence() throws Exception {
        act(Callers.editor(ORG), "{\"action\":\"decide\",\"outcome\":\"adopted\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-adoptionLevel"));
        act(Callers.editor(ORG), "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"county\"}")
                .andExpect(status().isBadRequest());
        assertThat(cases.find(id).orElseThrow().status().wireName()).as("bad input changes nothing")
                .isEqualTo("responded");
        act(Callers.editor(ORG), "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"city\","
                + "\"evidence\":\"市政府办公厅〔2026〕12号批复\"}").andExpect(status().isOk());
        ReportOutcomeDecided decided = probe.await(id, ReportOutcomeDecided.class);
        assertThat(decided.adoptionLevel()).isEqualTo(AdoptionLevel.CITY);
        assertThat(decided.evidence()).isEqualTo("市政府办公厅〔2026〕12号批复");
    }

    @Test
    void anAuthorsReopenRequestIsDecidedByTheOffice() throws Exception {
        act(Callers.editor(ORG), "{\"action\":\"decide\",\"outcome\":\"not-adopted\"}").andExpect(status().isOk());
        act(Callers.editor(ORG), "{\"action\":\"close\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.actions").isEmpty());
        act(Callers.editor(ORG), "{\"action\":\"decide-reopen\",\"approved\":true}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("no-reopen-request"));

        var request = new ReopenRequested(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-member", "王委员", "member"), "承诺的补贴至今未发放");
        sender.send(request);
        sender.send(request);
        await().untilAsserted(() -> mvc.perform(get("/api/reopen-requests").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].reason").value("承诺的补贴至今未发放"))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].title").value(cases.find(id).orElseThrow().title()))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].department").value(DEPT)));
        mvc.perform(get("/api/reopen-requests").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/reports/" + id + "/workflow").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$.actions[0]").value("decide-reopen"));

        act(Callers.editor(ORG), "{\"action\":\"decide-reopen\",\"approved\":true,\"comment\":\"请说明补贴发放时间\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("handling"))
                .andExpect(jsonPath("$.department").value(DEPT));
        ReopenDecided decided = probe.await(id, ReopenDecided.class);
        assertThat(decided.approved()).isTrue();
        assertThat(decided.deadline()).isAfter(LocalDate.ofInstant(clock.instant(), ReportCase.ZONE));
        await().untilAsserted(() -> mvc.perform(get("/api/reopen-requests").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')]").isEmpty()));
    }

    @Test
    void aFollowUpReappearsOnItsDateWithWhatTheDepartmentPromised() throws Exception {
        String tomorrow = LocalDate.ofInstant(clock.instant(), ReportCase.ZONE).plusDays(1).toString();
        follow(Callers.editor(ORG), "{\"date\":\"" + LocalDate.ofInstant(clock.instant(), ReportCase.ZONE) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("date-not-future"));
        follow(Callers.editor("haikou"), "{\"date\":\"" + tomorrow + "\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("other-level"));
        follow(Callers.editor("haikou/meilan"), "{\"date\":\"" + tomorrow + "\"}").andExpect(status().isNotFound());
        follow(Callers.editor(ORG), "{\"date\":\"" + tomorrow + "\",\"note\":\"核实补贴细则是否出台\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.promisedActions").value("2027年3月底前出台补贴细则"));
        assertThat(probe.await(id, FollowUpScheduled.class).date()).isEqualTo(LocalDate.parse(tomorrow));
        mvc.perform(get("/api/follow-ups").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/follow-ups?due=false").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].note").value("核实补贴细则是否出台"));

        // the day comes
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("date",
                LocalDate.ofInstant(clock.instant(), ReportCase.ZONE).toString()), "follow_ups");
        mvc.perform(get("/api/follow-ups").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].promisedActions").value("2027年3月底前出台补贴细则"))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].department").value(DEPT));
        mvc.perform(get("/api/follow-ups").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')]").isEmpty());
        mvc.perform(post("/api/reports/" + id + "/follow-up/complete").with(Callers.editor(ORG))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"补贴细则已出台\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(true));
        assertThat(probe.await(id, FollowUpCompleted.class).note()).isEqualTo("补贴细则已出台");
        mvc.perform(post("/api/reports/" + id + "/follow-up/complete").with(Callers.editor(ORG))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"再次\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("no-follow-up"));
        mvc.perform(get("/api/follow-ups").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')]").isEmpty());
    }

    private ResultActions follow(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/follow-up").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions act(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/transitions").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
