package io.minyi.routing;

import io.minyi.contracts.LeaderLevel;
import io.minyi.contracts.ReportInstructed;
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
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 录入批示: the office enters an instruction a leader without an account gave on paper. */
@MinyiServiceIT
class PaperInstructionIT {

    static final String ORG = "haikou/longhua";

    @Autowired MockMvc mvc;
    @Autowired CaseStore cases;
    @Autowired Clock clock;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventProbe probe;
    String id;
    String yesterday;

    @BeforeEach
    void signedOff() throws Exception {
        probe = new EventProbe(bootstrap);
        id = UUID.randomUUID().toString();
        new EventSender(kafka).send(ReportEventMother.submitted(id, ORG));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        act(Callers.editor(ORG), "{\"action\":\"start-editing\"}").andExpect(status().isOk());
        act(Callers.leader(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        yesterday = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).minusDays(1).toString();
    }

    @AfterEach
    void close() {
        probe.close();
    }

    String paper(boolean orders) {
        return "{\"action\":\"record-instruction\",\"leaderName\":\"陈志强\",\"rank\":\"副市长\",\"leaderLevel\":\"city\","
                + "\"givenOn\":\"" + yesterday + "\",\"comment\":\"请市住建局牵头研究，简化审批流程。\",\"ordersAssignment\":" + orders
                + ",\"scan\":{\"id\":\"f-3a9c\",\"name\":\"批示件.pdf\",\"contentType\":\"application/pdf\",\"size\":182344,"
                + "\"sha256\":\"2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae\"}}";
    }

    @Test
    void anInstructionOrderingAssignmentIsOnRecordWithItsLeaderAndWaitsInTheAssignmentQueue() throws Exception {
        act(Callers.editor(ORG), paper(true)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("instructed"));

        ReportInstructed e = probe.await(id, ReportInstructed.class);
        assertThat(e.recorded()).isTrue();
        assertThat(e.actor().role()).isEqualTo("editor");
        assertThat(e.leaderName()).isEqualTo("陈志强");
        assertThat(e.leaderLevel()).isEqualTo(LeaderLevel.CITY);
        assertThat(e.givenOn()).isEqualTo(LocalDate.parse(yesterday));
        assertThat(e.scan().name()).isEqualTo("批示件.pdf");
        assertThat(e.ordersAssignment()).isTrue();

        mvc.perform(get("/api/reports/" + id + "/workflow").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$.instructions[0].byName").value("陈志强"))
                .andExpect(jsonPath("$.instructions[0].rank").value("副市长"))
                .andExpect(jsonPath("$.instructions[0].leaderLevel").value("city"))
                .andExpect(jsonPath("$.instructions[0].leaderLevelLabel").value("市级领导"))
                .andExpect(jsonPath("$.instructions[0].recorded").value(true))
                .andExpect(jsonPath("$.instructions[0].recordedBy").value("u-editor-haikou-longhua"))
                .andExpect(jsonPath("$.instructions[0].givenOn").value(yesterday))
                .andExpect(jsonPath("$.instructions[0].scan.id").value("f-3a9c"))
                .andExpect(jsonPath("$.actions").value(org.hamcrest.Matchers.hasItem("assign")));
        inQueue("assignment", true);
        inQueue("outcome", false);
    }

    @Test
    void anInstructionWithoutAnOrderToAssignWaitsForTheOutcomeInstead() throws Exception {
        inQueue("assignment", true); // signed off: to be assigned
        act(Callers.editor(ORG), paper(false)).andExpect(status().isOk());
        inQueue("assignment", false);
        inQueue("outcome", true);
        act(Callers.editor(ORG), "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"city\"}")
                .andExpect(status().isOk());
        inQueue("outcome", false);
    }

    @Test
    void aLeaderWithAnAccountMayGiveTheirLevel() throws Exception {
        act(Callers.leader(ORG), "{\"action\":\"instruct\",\"rank\":\"区长\",\"leaderLevel\":\"district\",\"comment\":\"阅。\"}")
                .andExpect(status().isOk());
        ReportInstructed e = probe.await(id, ReportInstructed.class);
        assertThat(e.recorded()).isFalse();
        assertThat(e.leaderLevel()).isEqualTo(LeaderLevel.DISTRICT);
        assertThat(e.leaderName()).isEqualTo(e.actor().name());
    }

    @Test
    void anIncompleteOrWrongEntryIsRefusedAndChangesNothing() throws Exception {
        long version = cases.find(id).orElseThrow().version();
        act(Callers.editor(ORG), paper(true).replace("\"leaderName\":\"陈志强\",", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-leaderName"));
        act(Callers.editor(ORG), paper(true).replace("\"leaderLevel\":\"city\",", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-leaderLevel"));
        act(Callers.editor(ORG), paper(true).replace("\"leaderLevel\":\"city\"", "\"leaderLevel\":\"mayor\""))
                .andExpect(status().isBadRequest());
        act(Callers.editor(ORG), paper(true).replace(yesterday, LocalDate.parse(yesterday).plusDays(2).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("given-on-future"));
        act(Callers.editor(ORG), paper(true).replace("\"comment\":\"请市住建局牵头研究，简化审批流程。\",", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-comment"));
        act(Callers.leader(ORG), paper(true)).andExpect(status().isForbidden());
        act(Callers.editor("haikou/meilan"), paper(true)).andExpect(status().isNotFound());
        assertThat(cases.find(id).orElseThrow().version()).as("nothing changed").isEqualTo(version);
        assertThat(cases.find(id).orElseThrow().status().wireName()).isEqualTo("signed-off");
    }

    private void inQueue(String queue, boolean expected) throws Exception {
        var items = jsonPath("$.items[?(@.id=='" + id + "')]");
        mvc.perform(get("/api/queues/" + queue + "?size=100").with(Callers.editor(ORG))).andExpect(status().isOk())
                .andExpect(expected ? items.isNotEmpty() : items.isEmpty());
    }

    private ResultActions act(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/transitions").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
