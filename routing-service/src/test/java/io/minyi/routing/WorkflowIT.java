package io.minyi.routing;

import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.ReportWithdrawn;
import io.minyi.routing.calendar.domain.WorkingCalendar;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class WorkflowIT {

    static final String ORG = "haikou/longhua";
    static final String DEPT = ReportEventMother.DEPARTMENT;
    static final RequestPostProcessor AUTHOR = Callers.token("u-member", "member", ORG, null);

    @Autowired MockMvc mvc;
    @Autowired WorkingCalendar calendar;
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
    void theOfficeEditsALeaderSignsOffTheDepartmentAnswersAndTheOutcomeIsRecorded() throws Exception {
        ReportSubmitted submitted = submitted(id);
        transition("{\"action\":\"start-editing\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("采编中"))
                .andExpect(jsonPath("$.actions", containsInAnyOrder("edit", "return", "reject", "merge")));
        transition("{\"action\":\"edit\",\"title\":\"关于加快老旧小区加装电梯审批的建议\",\"urgency\":\"urgent\","
                + "\"body\":\"多个老旧小区加装电梯审批慢。涉及 12 个小区。建议简化审批流程。\",\"note\":\"补充数据\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(2));
        assertThat(probe.await(id, ReportEdited.class).urgency()).isEqualTo("urgent");
        mvc.perform(get("/api/reports/" + id + "/revisions").with(editor()))
                .andExpect(jsonPath("$[*].kind", contains("original", "edit")))
                .andExpect(jsonPath("$[0].body").value(submitted.body()))
                .andExpect(jsonPath("$[1].note").value("补充数据"));
        mvc.perform(get("/api/reports/" + id + "/revisions/diff?from=1&to=2").with(editor()))
                .andExpect(jsonPath("$.body[?(@.op=='INSERT')].text").value("涉及 12 个小区。"))
                .andExpect(jsonPath("$.title[?(@.op=='INSERT')]").isNotEmpty())
                .andExpect(jsonPath("$.title[?(@.op=='EQUAL')]").isNotEmpty());
        mvc.perform(get("/api/reports/" + id + "/revisions/diff?from=1&to=9").with(editor()))
                .andExpect(status().isNotFound());

        transition("{\"action\":\"sign-off\"}").andExpect(status().isForbidden());
        transition(Callers.leader(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("signed-off"));
        assertThat(probe.await(id, ReportSignedOff.class).actor().role()).isEqualTo("leader");

        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60); // far from any reminder
        transition("{\"action\":\"assign\",\"department\":\"" + DEPT + "\",\"deadline\":\"" + deadline + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("assigned"));
        ReportAssigned assigned = probe.await(id, ReportAssigned.class);
        assertThat(assigned.deadline()).isEqualTo(deadline);
        assertThat(assigned.title()).isEqualTo("关于加快老旧小区加装电梯审批的建议");
        assertThat(assigned.body()).as("the department gets the edited text").contains("涉及 12 个小区。");

        sender.send(ReportEventMother.responded(id, ORG, DEPT));
        awaitStatus("responded");
        transition("{\"action\":\"close\"}").andExpect(status().isConflict());
        transition("{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"district\",\"comment\":\"区政府采纳\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusLabel").value("已采纳"));
        transition("{\"action\":\"close\",\"comment\":\"已告知作者\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("adopted")).andExpect(jsonPath("$.actions").isEmpty());
        assertThat(probe.await(id, ReportClosed.class).outcome()).isEqualTo(Outcome.ADOPTED);
        // exactly one event per state change
        assertThat(probe.all(id, Duration.ofMillis(500)).stream().map(ReportEvent::eventType))
                .containsExactly("report.submitted", "report.editing-started", "report.edited", "report.signed-off",
                        "report.assigned", "report.responded", "report.outcome-decided", "report.closed");
    }

    @Test
    void deadlinesCountWorkingDaysByUrgencyAndSignOffIsMeasuredAgainstTheSameDay() throws Exception {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("shipped calendar: 调休 Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("shipped calendar: Spring Festival").isFalse();
        submitted(id);
        transition("{\"action\":\"start-editing\"}").andExpect(status().isOk());
        transition("{\"action\":\"edit\",\"urgency\":\"very-urgent\"}").andExpect(status().isOk());
        transition(Callers.leader(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        ReportSignedOff signedOff = probe.await(id, ReportSignedOff.class);
        assertThat(signedOff.sameDay()).as("signed off minutes after submission").isTrue();
        assertThat(signedOff.workingDaysLate()).isZero();
        transition("{\"action\":\"assign\",\"department\":\"" + DEPT + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.deadline").value(calendar.plusWorkingDays(
                        LocalDate.now(ZoneId.of("Asia/Shanghai")), 3).toString()));
    }

    @Test
    void forwardedUpTheReportStaysOneItemEachLevelDecidingItsOwnAdoptionAndLeadersInstruct() throws Exception {
        submitted(id);
        transition("{\"action\":\"start-editing\"}").andExpect(status().isOk());
        transition(Callers.leader(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        transition("{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"district\",\"comment\":\"区政协采用\"}").andExpect(status().isOk());
        transition("{\"action\":\"forward-up\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("forwarded-up")).andExpect(jsonPath("$.level").value("haikou"));
        transition("{\"action\":\"start-editing\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("other-level"));

        var city = Callers.editor("haikou");
        mvc.perform(get("/api/worklist?scope=queue").with(city)).andExpect(jsonPath("$[?(@.id=='" + id + "')]").isNotEmpty());
        transition(city, "{\"action\":\"start-editing\"}").andExpect(status().isOk());
        transition(Callers.leader("haikou"), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        transition(city, "{\"action\":\"forward\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.statusLabel").value("已报送"));
        transition(Callers.leader("haikou"), "{\"action\":\"instruct\",\"rank\":\"副市长\","
                + "\"comment\":\"请市住建局牵头研究，简化审批。\",\"ordersAssignment\":true}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("instructed"));
        transition(Callers.leader("haikou"), "{\"action\":\"instruct\"}").andExpect(status().isBadRequest());
        transition(city, "{\"action\":\"forward-up\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("top-level"));
        transition(city, "{\"action\":\"decide\",\"outcome\":\"adopted\",\"adoptionLevel\":\"district\"}").andExpect(status().isOk());

        var decided = probe.all(id, Duration.ofMillis(500)).stream()
                .filter(e -> e instanceof io.minyi.contracts.ReportOutcomeDecided)
                .map(e -> ((io.minyi.contracts.ReportOutcomeDecided) e).level().value()).toList();
        assertThat(decided).containsExactly(ORG, "haikou");
        // the district still reads it and sees what happened upstream
        mvc.perform(get("/api/reports/" + id + "/workflow").with(editor()))
                .andExpect(jsonPath("$.level").value("haikou"))
                .andExpect(jsonPath("$.status").value("adopted"))
                .andExpect(jsonPath("$.trail[0].org").value(ORG))
                .andExpect(jsonPath("$.trail[0].outcome").value("adopted"))
                .andExpect(jsonPath("$.instructions[0].rank").value("副市长"))
                .andExpect(jsonPath("$.instructions[0].ordersAssignment").value(true))
                .andExpect(jsonPath("$.actions").isEmpty());
    }

    @Test
    void aReportReturnedToItsAuthorComesBackRevised() throws Exception {
        submitted(id);
        transition("{\"action\":\"start-editing\"}").andExpect(status().isOk());
        transition("{\"action\":\"return\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("请填写退回理由。"));
        transition("{\"action\":\"return\",\"comment\":\"请补充涉及小区数量\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("returned"));
        mvc.perform(get("/api/reports/" + id + "/workflow").with(AUTHOR))
                .andExpect(jsonPath("$.actions", contains("resubmit")));
        transition(Callers.member(ORG), "{\"action\":\"resubmit\",\"title\":\"t\",\"body\":\"b\"}")
                .andExpect(status().isNotFound());
        transition(AUTHOR, "{\"action\":\"resubmit\",\"title\":\"老旧小区加装电梯进展缓慢\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-body"));
        transition(AUTHOR, "{\"action\":\"resubmit\",\"title\":\"老旧小区加装电梯进展缓慢\",\"body\":\"涉及 12 个小区。\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("submitted"))
                .andExpect(jsonPath("$.revision").value(2));
        mvc.perform(get("/api/reports/" + id + "/revisions").with(AUTHOR))
                .andExpect(jsonPath("$[1].kind").value("resubmission"));
    }

    @Test
    void duplicatesAreMergedCreditingTheirAuthorsAndReportsCanBeRejected() throws Exception {
        String target = UUID.randomUUID().toString();
        submitted(target);
        submitted(id);
        transition("{\"action\":\"merge\"}").andExpect(status().isBadRequest());
        transition("{\"action\":\"merge\",\"into\":\"" + id + "\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("cannot-merge"));
        transition("{\"action\":\"merge\",\"into\":\"nowhere\"}").andExpect(status().isNotFound());
        transition("{\"action\":\"merge\",\"into\":\"" + target + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("merged"));
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + target + "/workflow").with(editor()))
                .andExpect(jsonPath("$.merged[0].reportId").value(id))
                .andExpect(jsonPath("$.merged[0].authorName").value("王委员")));

        String other = UUID.randomUUID().toString();
        submitted(other);
        mvc.perform(post("/api/reports/" + other + "/transitions").with(editor()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"reject\",\"comment\":\"问题已于上月解决\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusLabel").value("不予采用"));
    }

    @Test
    void twoEditorsNeverOverwriteEachOther() throws Exception {
        submitted(id);
        transition("{\"action\":\"start-editing\",\"expectedVersion\":0}").andExpect(status().isOk());
        transition("{\"action\":\"edit\",\"expectedVersion\":1,\"title\":\"第一位编辑的标题\"}").andExpect(status().isOk());
        transition(Callers.token("u-second-editor", "editor", ORG, null),
                "{\"action\":\"edit\",\"expectedVersion\":1,\"title\":\"第二位编辑的标题\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("stale-version"));
        transition("{\"action\":\"edit\",\"title\":\"第一位编辑的标题\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("nothing-changed"));
        mvc.perform(get("/api/reports/" + id + "/workflow").with(editor()))
                .andExpect(jsonPath("$.title").value("第一位编辑的标题")).andExpect(jsonPath("$.revision").value(2));
    }

    @Test
    void redeliveredEventsChangeNothing() throws Exception {
        ReportSubmitted submitted = submitted(id);
        transition("{\"action\":\"start-editing\"}").andExpect(status().isOk());
        transition(Callers.leader(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        sender.send(submitted); // redelivery after the case moved on
        transition("{\"action\":\"assign\",\"department\":\"" + DEPT + "\"}").andExpect(status().isOk());
        var responded = sender.send(ReportEventMother.responded(id, ORG, DEPT));
        awaitStatus("responded");
        sender.send(responded);
        sender.send(submitted);
        submitted("marker-" + id); // same partition order not guaranteed: wait for a later marker
        mvc.perform(get("/api/reports/" + id + "/workflow").with(editor()))
                .andExpect(jsonPath("$.status").value("responded"))
                .andExpect(jsonPath("$.version").value(4));
        mvc.perform(get("/api/reports/" + id + "/revisions").with(editor())).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void actionsAreCheckedAgainstStateVersionRoleAndOrg() throws Exception {
        submitted(id);
        transition("{\"action\":\"close\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("illegal-transition"))
                .andExpect(jsonPath("$.detail").value("当前状态为“已提交”，不能执行“办结”。"));
        transition("{\"action\":\"start-editing\",\"expectedVersion\":7}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("stale-version"));
        transition("{\"action\":\"launch\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        transition("{\"action\":\"edit\",\"urgency\":\"soon\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("urgency"));
        transition(Callers.member(ORG), "{\"action\":\"start-editing\"}").andExpect(status().isForbidden());
        transition(Callers.editor("haikou/meilan"), "{\"action\":\"start-editing\"}").andExpect(status().isNotFound());
        transition(Callers.editor("haikou/longhua/jinyu"), "{\"action\":\"start-editing\"}")
                .andExpect(status().isNotFound()); // a sub-body does not see its parent's items
        mvc.perform(get("/api/reports/" + id + "/revisions").with(Callers.editor("haikou/meilan")))
                .andExpect(status().isNotFound());
        transition(Callers.editor("haikou"), "{\"action\":\"start-editing\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("other-level")); // the city reads, the district handles
        transition("{\"action\":\"start-editing\"}").andExpect(status().isOk());
        mvc.perform(get("/api/worklist").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/worklist?status=editing").with(Callers.editor("haikou")))
                .andExpect(jsonPath("$[?(@.id=='" + id + "')].status").value("editing"));
    }

    @Test
    void theAuthorWithdrawsAReportUntilTheOfficeStartsOnIt() throws Exception {
        submitted(id);
        transition(Callers.member(ORG), "{\"action\":\"withdraw\"}").andExpect(status().isNotFound());
        transition(AUTHOR, "{\"action\":\"withdraw\",\"comment\":\"需补充调研数据\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("withdrawn")).andExpect(jsonPath("$.statusLabel").value("已撤回"));
        ReportWithdrawn withdrawn = probe.await(id, ReportWithdrawn.class);
        assertThat(withdrawn.reason()).isEqualTo("需补充调研数据");
        assertThat(withdrawn.actor().id()).isEqualTo("u-member");
        transition("{\"action\":\"start-editing\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("当前状态为“已撤回”，不能执行“开始采编”。"));

        id = UUID.randomUUID().toString();
        submitted(id);
        transition("{\"action\":\"start-editing\"}").andExpect(status().isOk());
        transition(AUTHOR, "{\"action\":\"withdraw\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("当前状态为“采编中”，不能执行“撤回”。"));
    }

    private ReportSubmitted submitted(String reportId) {
        ReportSubmitted event = sender.send(ReportEventMother.submitted(reportId, ORG));
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + reportId + "/workflow").with(editor()))
                .andExpect(status().isOk()));
        return event;
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
