package io.minyi.feedback;

import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportResponded;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.contracts.Actor;
import io.minyi.contracts.AssignmentAccepted;
import io.minyi.contracts.AssignmentBounced;
import io.minyi.contracts.ExtensionDecided;
import io.minyi.contracts.AssignmentDeadlineRecomputed;
import io.minyi.contracts.ExtensionRequested;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReplyReturned;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.contracts.reference.ReferenceChanged;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class InboxIT {

    static final String ORG = "haikou/longhua";
    static final String DEPT = "longhua-housing-" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventSender sender;
    EventProbe probe;
    String id;

    @BeforeEach
    void setUp() {
        register(DEPT, "other-dept");
        sender = new EventSender(kafka);
        probe = new EventProbe(bootstrap);
        id = UUID.randomUUID().toString();
    }

    @AfterEach
    void close() {
        probe.close();
    }

    /** Departments of the registry, as intake-service publishes them when an administrator adds them. */
    void register(String... codes) {
        List<ReferenceChanged> missing = java.util.Arrays.stream(codes).filter(c -> replica.department(c).isEmpty())
                .map(c -> ReferenceSeed.department(c, "海口市龙华区" + c + "局", ORG, true, 1)).toList();
        ReferenceSeed.publish(kafka, replica, missing);
    }

    @Test
    void accountsOfDepartmentsOutsideTheRegistryOrRetiredAreRefusedAndItemsNameTheirDepartments() throws Exception {
        sender.send(ReportEventMother.assigned(id, ORG, DEPT));
        awaitItem("assigned");
        mvc.perform(get("/api/inbox/" + id).with(handler()))
                .andExpect(jsonPath("$.departmentName").value("海口市龙华区" + DEPT + "局"))
                .andExpect(jsonPath("$.leadName").value("海口市龙华区" + DEPT + "局"));
        mvc.perform(get("/api/inbox").with(Callers.department(ORG, "typo-" + DEPT))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("unregistered-department"));
        String gone = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        ReferenceSeed.publish(kafka, replica, List.of(ReferenceSeed.department(gone, "已撤并局", ORG, true, 1),
                ReferenceSeed.department(gone, "已撤并局", ORG, false, 2)));
        mvc.perform(get("/api/inbox").with(Callers.department(ORG, gone))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("retired-department"));
        ReferenceSeed.publish(kafka, replica, List.of(ReferenceSeed.department(DEPT, "海口市龙华区新名称局", ORG, true,
                replica.department(DEPT).orElseThrow().revision() + 1)));
        mvc.perform(get("/api/inbox/" + id).with(handler())).andExpect(jsonPath("$.departmentName").value("海口市龙华区新名称局"));
    }

    @Test
    void aDepartmentSeesItsAssignedItemAnswersItOnceAndSeesTheOutcome() throws Exception {
        ReportAssigned assigned = sender.send(ReportEventMother.assigned(id, ORG, DEPT));
        awaitItem("assigned");
        mvc.perform(get("/api/inbox").with(handler()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].stateLabel").value("待办理"))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].body").value(assigned.body()));
        mvc.perform(get("/api/inbox").with(Callers.department(ORG, "other-dept")))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')]").isEmpty());

        respond(handler(), "{\"response\":\"已出台加装电梯补贴办法，简化审批。\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("responded"));
        var record = probe.await(id, ReportResponded.class::isInstance);
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.SOURCE)).isEqualTo("/minyi/feedback-service");
        ReportResponded responded = (ReportResponded) CloudEventsKafka.decode(record);
        assertThat(responded.department()).isEqualTo(DEPT);
        assertThat(responded.response()).isEqualTo("已出台加装电梯补贴办法，简化审批。");

        respond(handler(), "{\"response\":\"再答一次\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-handled"));

        sender.send(assigned); // redelivered assignment must not reopen the item
        sender.send(ReportEventMother.closed(id, ORG, Outcome.ADOPTED));
        awaitItem("closed");
        mvc.perform(get("/api/inbox?state=closed").with(handler()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].outcome").value("adopted"));
    }

    @Test
    void onlyTheAssignedDepartmentMayAnswerAndEmptyAnswersAreRejected() throws Exception {
        sender.send(ReportEventMother.assigned(id, ORG, DEPT));
        awaitItem("assigned");
        respond(handler(), "{\"response\":\"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("答复内容不能为空"));
        respond(Callers.department(ORG, "other-dept"), "{\"response\":\"不是我们的\"}")
                .andExpect(status().isNotFound());
        respond(Callers.editor(ORG), "{\"response\":\"编辑代答\"}").andExpect(status().isForbidden());
        respond(Callers.token("u-x", "department", ORG, null), "{\"response\":\"x\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("department-missing"));
        mvc.perform(get("/api/inbox?state=assigned").with(handler()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].state").value("assigned"));
    }

    @Test
    void coHandlersSeeTheItemButOnlyTheLeadAnswersBouncesOrAsksForTime() throws Exception {
        String coHandler = "planning-" + UUID.randomUUID().toString().substring(0, 8);
        register(coHandler);
        sender.send(assignment(DEPT, List.of(coHandler), LocalDate.now().plusDays(20)));
        awaitItem("assigned");
        var co = Callers.department(ORG, coHandler);
        mvc.perform(get("/api/inbox").with(co))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].roleLabel").value("会办"));
        respond(co, "{\"response\":\"会办意见\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-lead"));
        action(co, "bounce", "{\"reason\":\"x\"}").andExpect(status().isForbidden());
    }

    @Test
    void aDepartmentBouncesAnItemItIsNotForAndTheNextDepartmentGetsIt() throws Exception {
        sender.send(assignment(DEPT, List.of(), LocalDate.now().plusDays(20)));
        awaitItem("assigned");
        action(handler(), "bounce", "{\"reason\":\" \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请填写退回理由"));
        action(handler(), "bounce", "{\"reason\":\"属于规划部门职责\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.stateLabel").value("已退回"));
        assertThat(probe.await(id, AssignmentBounced.class).reason()).isEqualTo("属于规划部门职责");
        respond(handler(), "{\"response\":\"还是答复一下\"}").andExpect(status().isConflict());

        String next = "planning-" + UUID.randomUUID().toString().substring(0, 8);
        register(next);
        sender.send(assignment(next, List.of(), LocalDate.now().plusDays(20)));
        awaitItem("reassigned");
        mvc.perform(get("/api/inbox").with(Callers.department(ORG, next)))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].state").value("assigned"));
    }

    @Test
    void aDepartmentAsksForMoreTimeOnceAndTheOfficesDecisionMovesTheDeadline() throws Exception {
        LocalDate deadline = LocalDate.now().plusDays(10);
        sender.send(assignment(DEPT, List.of(), deadline));
        awaitItem("assigned");
        action(handler(), "accept", "{}").andExpect(status().isOk()).andExpect(jsonPath("$.stateLabel").value("办理中"));
        assertThat(probe.await(id, AssignmentAccepted.class).department()).isEqualTo(DEPT);
        action(handler(), "accept", "{}").andExpect(status().isConflict());
        action(handler(), "bounce", "{\"reason\":\"接了又退\"}").andExpect(status().isConflict());
        action(handler(), "extension", "{\"deadline\":\"" + deadline.minusDays(1) + "\",\"reason\":\"调研\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("deadline-not-later"));
        action(handler(), "extension", "{\"deadline\":\"" + deadline.plusDays(15) + "\",\"reason\":\"需会同三个区调研\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.extensionAsked").value(deadline.plusDays(15).toString()));
        assertThat(probe.await(id, ExtensionRequested.class).deadline()).isEqualTo(deadline.plusDays(15));
        action(handler(), "extension", "{\"deadline\":\"" + deadline.plusDays(30) + "\",\"reason\":\"再延\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("extension-pending"));

        sender.send(new ExtensionDecided(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), DEPT, true, deadline.plusDays(15), "同意"));
        await().untilAsserted(() -> mvc.perform(get("/api/inbox").with(handler()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].deadline").value(deadline.plusDays(15).toString()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].extensionAsked").value(contains(nullValue()))));
    }

    @Test
    void aHolidayDeclaredLaterMovesTheDeadlineTheDepartmentSees() throws Exception {
        LocalDate deadline = LocalDate.now().plusDays(10);
        sender.send(assignment(DEPT, List.of(), deadline));
        awaitItem("assigned");
        sender.send(new AssignmentDeadlineRecomputed(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG), Actor.SYSTEM,
                DEPT, deadline, deadline.plusDays(3), deadline.getYear()));
        await().untilAsserted(() -> mvc.perform(get("/api/inbox").with(handler()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].deadline").value(deadline.plusDays(3).toString()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].state").value("assigned")));
    }

    @Test
    void anAnswerTheOfficeSendsBackIsHandledAndAnsweredAgain() throws Exception {
        sender.send(assignment(DEPT, List.of(), LocalDate.now().plusDays(20)));
        awaitItem("assigned");
        respond(handler(), "{\"response\":\"已研究。\"}").andExpect(status().isOk());
        sender.send(new ReplyReturned(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), DEPT, "答复未说明具体措施和时限"));
        awaitItem("handling");
        mvc.perform(get("/api/inbox").with(handler()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].officeComment").value("答复未说明具体措施和时限"));
        respond(handler(), "{\"response\":\"明年3月前完成补贴办法修订。\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("responded"));
    }

    private ReportAssigned assignment(String department, List<String> coHandlers, LocalDate deadline) {
        return new ReportAssigned(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), department, deadline, "老旧小区加装电梯进展缓慢", "正文。", coHandlers);
    }

    private ResultActions action(RequestPostProcessor who, String action, String json) throws Exception {
        return mvc.perform(post("/api/inbox/" + id + "/" + action).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private void awaitItem(String state) {
        await().untilAsserted(() -> mvc.perform(get("/api/inbox").with(handler()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].state").value(state)));
    }

    private ResultActions respond(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/inbox/" + id + "/response").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static RequestPostProcessor handler() {
        return Callers.department("haikou/longhua", DEPT);
    }
}
