package io.minyi.routing;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import io.minyi.support.reference.ReferenceReplica;
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
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class AssignmentRulesIT {

    static final String ORG = "haikou/longhua";

    @Autowired MockMvc mvc;
    @Autowired CaseStore cases;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventProbe probe;
    String topic;

    @BeforeEach
    void setUp() {
        probe = new EventProbe(bootstrap);
        topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void reportsGoWhereTheOfficesRulesSayUnlessTheEditorNamesADepartment() throws Exception {
        rule(Callers.editor(ORG), "{\"topic\":\"" + topic + "\",\"department\":\"longhua-housing\","
                + "\"coHandlers\":[\"longhua-planning\",\"longhua-housing\"]}").andExpect(status().isOk())
                .andExpect(jsonPath("$.org").value(ORG)).andExpect(jsonPath("$.coHandlers.length()").value(1));

        String byRule = signedOff(ORG + "/jinyu", topic);
        assign(byRule, Callers.editor(ORG + "/jinyu"), "{\"action\":\"assign\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.department").value("longhua-housing"));
        ReportAssigned assigned = probe.await(byRule, ReportAssigned.class);
        assertThat(assigned.coHandlers()).containsExactly("longhua-planning");

        String overridden = signedOff(ORG, topic);
        assign(overridden, "{\"action\":\"assign\",\"department\":\"longhua-transport\",\"coHandlers\":[]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.department").value("longhua-transport"));
        assertThat(probe.await(overridden, ReportAssigned.class).coHandlers()).isEmpty();

        mvc.perform(get("/api/assignment-rules/applying?org=" + ORG + "/jinyu&topic=" + topic).with(Callers.editor("haikou")))
                .andExpect(jsonPath("$.department").value("longhua-housing"));
    }

    @Test
    void withoutARuleOrWithAPastDeadlineNothingIsAssigned() throws Exception {
        String city = "c" + UUID.randomUUID().toString().substring(0, 8);
        String id = signedOff(city, topic);
        var editor = Callers.editor(city);
        mvc.perform(post("/api/reports/" + id + "/transitions").with(editor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"assign\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-department"));
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
        mvc.perform(post("/api/reports/" + id + "/transitions").with(editor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"assign\",\"department\":\"x-office\",\"deadline\":\"" + yesterday + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("deadline-passed"));
        mvc.perform(post("/api/reports/" + id + "/transitions").with(editor).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"assign\",\"department\":\"Bad Dept\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("department"));
    }

    @Test
    void eachOfficeKeepsTheRulesOfItsOwnBodyAndBelowOnly() throws Exception {
        rule(Callers.member(ORG), "{\"topic\":\"*\",\"department\":\"x\"}").andExpect(status().isForbidden());
        rule(Callers.editor("haikou/meilan"), "{\"org\":\"" + ORG + "\",\"topic\":\"*\",\"department\":\"x\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("foreign-org"));
        rule(Callers.editor(ORG), "{\"topic\":\"\",\"department\":\"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem("请填写议题分类编码（* 表示所有议题）")));
        rule(Callers.editor("haikou"), "{\"org\":\"" + ORG + "\",\"topic\":\"" + topic + "\",\"department\":\"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unknown-department"))
                .andExpect(jsonPath("$.department").value("x"));
        rule(Callers.editor("haikou"), "{\"org\":\"" + ORG + "\",\"topic\":\"" + topic
                + "\",\"department\":\"longhua-office\",\"coHandlers\":[\"meilan-housing\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("foreign-department"));
        rule(Callers.editor("haikou"), "{\"org\":\"" + ORG + "\",\"topic\":\"" + topic + "\",\"department\":\"longhua-office\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/assignment-rules").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$[?(@.topic=='" + topic + "')]").isEmpty());
        mvc.perform(get("/api/assignment-rules").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.topic=='" + topic + "')].department").value("longhua-office"));
        mvc.perform(delete("/api/assignment-rules?org=" + ORG + "&topic=" + topic).with(Callers.editor("haikou/meilan")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/assignment-rules?org=" + ORG + "&topic=" + topic).with(Callers.editor(ORG)))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/assignment-rules?org=" + ORG + "&topic=" + topic).with(Callers.editor(ORG)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aReportIsAssignedOnlyToARegisteredActiveDepartmentOfItsLineage() throws Exception {
        String id = signedOff(ORG, "transport");
        String retired = "retired-" + UUID.randomUUID().toString().substring(0, 6);
        ReferenceSeed.publish(kafka, replica, List.of(
                ReferenceSeed.department(retired, "已撤并的局", ORG, true, 1),
                ReferenceSeed.department(retired, "已撤并的局", ORG, false, 2)));
        RequestPostProcessor editor = Callers.editor(ORG);
        assign(editor, id, "{\"action\":\"assign\",\"department\":\"longhua-hosuing\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("unknown-department"))
                .andExpect(jsonPath("$.department").value("longhua-hosuing"));
        assign(editor, id, "{\"action\":\"assign\",\"department\":\"" + retired + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("retired-department"));
        assign(editor, id, "{\"action\":\"assign\",\"department\":\"meilan-housing\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("foreign-department"));
        assign(editor, id, "{\"action\":\"assign\",\"department\":\"longhua-housing\",\"coHandlers\":[\"nobody\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.department").value("nobody"));
        assertThat(cases.find(id).orElseThrow().assignment()).as("nothing changed").isNull();
        // the city's department, a body above, may handle a district's report
        assign(editor, id, "{\"action\":\"assign\",\"department\":\"haikou-housing\",\"coHandlers\":[\"jinyu-office\"]}")
                .andExpect(status().isOk());
    }

    private ResultActions assign(RequestPostProcessor editor, String id, String json) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/transitions").with(editor).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String signedOff(String org, String reportTopic) throws Exception {
        String id = UUID.randomUUID().toString();
        new EventSender(kafka).send(new ReportSubmitted(UUID.randomUUID(), Instant.now(), id, OrgPath.of(org),
                new Actor("u-member", "王委员", "member"), "标题", "摘要", "正文。", "own-observation", reportTopic, null,
                "normal", List.of()));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        assign(id, Callers.editor(org), "{\"action\":\"start-editing\"}").andExpect(status().isOk());
        assign(id, Callers.leader(org), "{\"action\":\"sign-off\"}").andExpect(status().isOk());
        return id;
    }

    private ResultActions assign(String id, String json) throws Exception {
        return assign(id, Callers.editor(ORG), json);
    }

    private ResultActions assign(String id, RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/transitions").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions rule(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(put("/api/assignment-rules").with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
