package io.minyi.routing;

import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.ReportWithdrawn;
import io.minyi.contracts.Outcome;
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

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class WorkflowIT {

    static final String ORG = "haikou/longhua";
    static final String DEPT = ReportEventMother.DEPARTMENT;

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventSender sender;
    EventProbe probe;
    String id;

    @BeforeEach
    void setUp() {
        sender = new EventSender(kafka);
        probe = new EventProbe(bootstrap);
        id = UUID.randomUUID().toString();
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void theOfficeSignsOffAssignsAndClosesAReport() throws Exception {
        ReportSubmitted submitted = sender.send(ReportEventMother.submitted(id, ORG));
        awaitStatus("submitted");

        transition("{\"action\":\"sign-off\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("signed-off"))
                .andExpect(jsonPath("$.statusLabel").value("已签发"));
        assertThat(probe.await(id, ReportSignedOff.class).actor().role()).isEqualTo("editor");

        transition("{\"action\":\"assign\",\"department\":\"" + DEPT + "\",\"deadline\":\"2026-12-20\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("assigned"));
        ReportAssigned assigned = probe.await(id, ReportAssigned.class);
        assertThat(assigned.department()).isEqualTo(DEPT);
        assertThat(assigned.deadline()).hasToString("2026-12-20");
        assertThat(assigned.body()).isEqualTo(submitted.body());

        sender.send(ReportEventMother.responded(id, ORG, DEPT));
        awaitStatus("responded");

        transition("{\"action\":\"close\",\"outcome\":\"adopted\",\"comment\":\"区政府采纳\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("adopted"));
        assertThat(probe.await(id, ReportClosed.class).outcome()).isEqualTo(Outcome.ADOPTED);
        // exactly one event per state change
        assertThat(probe.all(id, Duration.ofMillis(500)).stream().map(ReportEvent::eventType))
                .containsExactly("report.submitted", "report.signed-off", "report.assigned", "report.responded",
                        "report.closed");
    }

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        ReportSubmitted submitted = sender.send(ReportEventMother.submitted(id, ORG));
        awaitStatus("submitted");
        transition("{\"action\":\"sign-off\"}").andExpect(status().isOk());
        sender.send(submitted); // redelivery after the case moved on
        transition("{\"action\":\"assign\",\"department\":\"" + DEPT + "\"}").andExpect(status().isOk());
        var responded = sender.send(ReportEventMother.responded(id, ORG, DEPT));
        awaitStatus("responded");
        sender.send(responded);
        sender.send(submitted);
        sender.send(ReportEventMother.submitted("marker-" + id, ORG)); // same partition order not guaranteed: use a marker
        await().untilAsserted(() -> mvc.perform(get("/api/reports/marker-" + id + "/workflow").with(editor()))
                .andExpect(status().isOk()));
        mvc.perform(get("/api/reports/" + id + "/workflow").with(editor()))
                .andExpect(jsonPath("$.status").value("responded"))
                .andExpect(jsonPath("$.version").value(3));
    }

    @Test
    void actionsAreCheckedAgainstStateVersionRoleAndOrg() throws Exception {
        sender.send(ReportEventMother.submitted(id, ORG));
        awaitStatus("submitted");
        transition("{\"action\":\"close\",\"outcome\":\"adopted\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("illegal-transition"))
                .andExpect(jsonPath("$.detail").value("当前状态为“已提交”，不能执行“办结”。"));
        transition("{\"action\":\"sign-off\",\"expectedVersion\":7}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("stale-version"));
        transition("{\"action\":\"launch\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        transition(Callers.member(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isForbidden());
        transition(Callers.editor("haikou/meilan"), "{\"action\":\"sign-off\"}").andExpect(status().isNotFound());
        transition(Callers.editor("haikou/longhua/jinyu"), "{\"action\":\"sign-off\"}")
                .andExpect(status().isNotFound()); // a sub-body does not see its parent's items
        transition(Callers.editor("haikou"), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        mvc.perform(get("/api/worklist").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/worklist?status=signed-off").with(Callers.editor("haikou")))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')].status").value("signed-off"));
    }

    @Test
    void theAuthorWithdrawsAReportUntilTheOfficeStartsOnIt() throws Exception {
        sender.send(ReportEventMother.submitted(id, ORG));
        awaitStatus("submitted");
        var author = Callers.token("u-member", "member", ORG, null);
        transition(Callers.member(ORG), "{\"action\":\"withdraw\"}").andExpect(status().isNotFound());
        transition(author, "{\"action\":\"sign-off\"}").andExpect(status().isForbidden());
        transition(author, "{\"action\":\"withdraw\",\"comment\":\"需补充调研数据\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("withdrawn")).andExpect(jsonPath("$.statusLabel").value("已撤回"));
        ReportWithdrawn withdrawn = probe.await(id, ReportWithdrawn.class);
        assertThat(withdrawn.reason()).isEqualTo("需补充调研数据");
        assertThat(withdrawn.actor().id()).isEqualTo("u-member");
        transition("{\"action\":\"sign-off\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("当前状态为“已撤回”，不能执行“签发”。"));

        String other = UUID.randomUUID().toString();
        sender.send(ReportEventMother.submitted(other, ORG));
        id = other;
        awaitStatus("submitted");
        transition("{\"action\":\"sign-off\"}").andExpect(status().isOk());
        transition(author, "{\"action\":\"withdraw\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("当前状态为“已签发”，不能执行“撤回”。"));
    }

    private void awaitStatus(String expected) {
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + id + "/workflow").with(editor()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value(expected)));
    }

    private ResultActions transition(String json) throws Exception {
        return transition(editor(), json);
    }

    private ResultActions transition(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/transitions").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static RequestPostProcessor editor() {
        return Callers.editor(ORG);
    }
}
