package io.minyi.routing;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class QueueIT {

    @Autowired MockMvc mvc;
    @Autowired CaseStore cases;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    String org;
    String waiting;
    String urgent;
    String signed;
    int submissions;

    @BeforeEach
    void reports() throws Exception {
        org = "c" + UUID.randomUUID().toString().substring(0, 8);
        waiting = submitted("normal", "transport");
        urgent = submitted("very-urgent", "transport");
        signed = submitted("urgent", "education");
        act(urgent, Callers.editor(org), "{\"action\":\"start-editing\"}");
        act(signed, Callers.editor(org), "{\"action\":\"start-editing\"}");
        act(signed, Callers.leader(org), "{\"action\":\"sign-off\"}");
    }

    @Test
    void eachRoleWorksItsQueuesOfItsOwnBodyFilteredSortedAndPaged() throws Exception {
        queue(Callers.editor(org), "editing?sort=urgency").andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("待采编"))
                .andExpect(jsonPath("$.items[*].id", contains(urgent, waiting)));
        queue(Callers.editor(org), "editing?sort=oldest&size=1&page=1").andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id", contains(urgent)));
        queue(Callers.editor(org), "editing?topic=education").andExpect(jsonPath("$.total").value(0));
        queue(Callers.leader(org), "sign-off").andExpect(jsonPath("$.items[*].id", contains(urgent)));
        queue(Callers.editor(org), "assignment").andExpect(jsonPath("$.items[*].id", contains(signed)))
                .andExpect(jsonPath("$.items[0].statusLabel").value("已签发"));
        queue(Callers.editor(org + "/longhua"), "editing").andExpect(jsonPath("$.total").value(0));
        queue(Callers.editor("haikou"), "editing").andExpect(jsonPath("$.items[*].id", not(hasItem(waiting))));

        queue(Callers.editor(org), "sign-off").andExpect(status().isForbidden());
        queue(Callers.member(org), "editing").andExpect(status().isForbidden());
        queue(Callers.editor(org), "nowhere").andExpect(status().isBadRequest());
        queue(Callers.editor(org), "editing?sort=random").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-sort"));
        queue(Callers.editor(org), "editing?size=101").andExpect(status().isBadRequest());
        mvc.perform(get("/api/queues").with(Callers.leader(org)))
                .andExpect(jsonPath("$[*].name", contains("sign-off", "assignment", "handling")));
    }

    private String submitted(String urgency, String topic) throws Exception {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.now().minusSeconds(60).plusSeconds(++submissions); // in order of submission
        new EventSender(kafka).send(new ReportSubmitted(UUID.randomUUID(), at, id, OrgPath.of(org),
                new Actor("u-member", "王委员", "member"), "标题" + urgency, "摘要", "正文。", "own-observation", topic, null,
                urgency, List.of()));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        return id;
    }

    private void act(String id, RequestPostProcessor who, String json) throws Exception {
        mvc.perform(post("/api/reports/" + id + "/transitions").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isOk());
    }

    private ResultActions queue(RequestPostProcessor who, String path) throws Exception {
        return mvc.perform(get("/api/queues/" + path).with(who));
    }
}
