package io.minyi.feedback;

import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportResponded;
import io.minyi.support.messaging.CloudEventsKafka;
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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
    void aDepartmentSeesItsAssignedItemAnswersItOnceAndSeesTheOutcome() throws Exception {
        ReportAssigned assigned = sender.send(ReportEventMother.assigned(id, ORG, DEPT));
        awaitItem("assigned");
        mvc.perform(get("/api/inbox").with(handler()))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].stateLabel").value("待办理"))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].body").value(assigned.body()));
        mvc.perform(get("/api/inbox").with(Callers.department(ORG, "other-dept")))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')]").isEmpty());

        respond(handler(), "{\"response\":\"已出台加装电梯补贴办法，简化审批。\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("responded"));
        var record = probe.await(id, ReportResponded.class::isInstance);
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.SOURCE)).isEqualTo("/minyi/feedback-service");
        ReportResponded responded = (ReportResponded) CloudEventsKafka.decode(record);
        assertThat(responded.department()).isEqualTo(DEPT);
        assertThat(responded.response()).isEqualTo("已出台加装电梯补贴办法，简化审批。");

        respond(handler(), "{\"response\":\"再答一次\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-answered"));

        sender.send(assigned); // redelivered assignment must not reopen the item
        sender.send(ReportEventMother.closed(id, ORG, Outcome.ADOPTED));
        awaitItem("closed");
        mvc.perform(get("/api/inbox?state=closed").with(handler()))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].outcome").value("adopted"));
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
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].state").value("assigned"));
    }

    private void awaitItem(String state) {
        await().untilAsserted(() -> mvc.perform(get("/api/inbox").with(handler()))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].state").value(state)));
    }

    private ResultActions respond(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/inbox/" + id + "/response").with(who)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static RequestPostProcessor handler() {
        return Callers.department("haikou/longhua", DEPT);
    }
}
