package io.minyi.intake;

import io.minyi.contracts.ReportSubmitted;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.support.messaging.CloudEventsKafka;
import io.minyi.support.outbox.OutboxRelay;
import io.minyi.support.outbox.PendingEvent;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReportEventMother;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@MinyiServiceIT
class SubmitReportIT {

    private static final String REPORT = """
            {"title":"老旧小区加装电梯进展缓慢","body":"龙华区金宇街道多个老旧小区反映加装电梯审批环节多、周期长。建议简化审批。"}""";

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired @Qualifier("reportOutbox") OutboxRelay relay;
    @Value("${spring.kafka.bootstrap-servers}") String kafka;
    EventProbe probe;

    @BeforeEach
    void probe() {
        probe = new EventProbe(kafka);
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void aMemberSubmitsAReportAndItIsPublishedAsACloudEvent() throws Exception {
        MvcResult result = mvc.perform(post("/api/reports").with(Callers.member("haikou/longhua/jinyu"))
                        .contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/reports/")))
                .andExpect(jsonPath("$.org").value("haikou/longhua/jinyu"))
                .andExpect(jsonPath("$.author.role").value("member"))
                .andReturn();
        String id = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.id");

        ConsumerRecord<String, byte[]> record = probe.await(id, ReportSubmitted.class::isInstance);
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.TYPE)).isEqualTo("io.minyi.report.submitted.v1");
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.SOURCE)).isEqualTo("/minyi/intake-service");
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.SUBJECT)).isEqualTo(id);
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.ORG)).isEqualTo("haikou/longhua/jinyu");
        ReportSubmitted event = (ReportSubmitted) CloudEventsKafka.decode(record);
        assertThat(CloudEventsKafka.header(record, CloudEventsKafka.ID)).isEqualTo(event.eventId().toString());
        assertThat(event.title()).isEqualTo("老旧小区加装电梯进展缓慢");
        assertThat(event.actor().role()).isEqualTo("member");

        await().untilAsserted(() -> assertThat(mongo.findById(id, Document.class, ReportStore.COLLECTION)
                .getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void anEventLeftInTheOutboxByACrashIsPublishedByTheSweep() {
        String id = UUID.randomUUID().toString();
        ReportSubmitted event = ReportEventMother.submitted(id, "haikou/meilan");
        mongo.insert(new Document("_id", id).append("org", "haikou/meilan")
                .append("outbox", List.of(PendingEvent.of(event).toDocument())), ReportStore.COLLECTION);

        assertThat(probe.await(id, ReportSubmitted.class).eventId()).isEqualTo(event.eventId());
        await().untilAsserted(() -> assertThat(mongo.findById(id, Document.class, ReportStore.COLLECTION)
                .getList("outbox", Document.class)).isEmpty());
    }

    @Test
    void invalidInputIsRejectedFieldByFieldInChineseAndNothingIsStored() throws Exception {
        long before = mongo.getCollection(ReportStore.COLLECTION).countDocuments();
        mvc.perform(post("/api/reports").with(Callers.member("haikou/longhua"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"body\":\"" + "字".repeat(5001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-fields"))
                .andExpect(jsonPath("$.errors[?(@.field=='title')].message").value("标题不能为空"))
                .andExpect(jsonPath("$.errors[?(@.field=='body')].message").value("正文不能超过5000个字"));
        mvc.perform(post("/api/reports").with(Callers.member("haikou/longhua")).header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\",\"body\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("title is required"));
        assertThat(mongo.getCollection(ReportStore.COLLECTION).countDocuments()).isEqualTo(before);
    }

    @Test
    void onlyAuthorsSubmitAndOnlyToTheirOwnBody() throws Exception {
        mvc.perform(post("/api/reports").contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/reports").with(Callers.department("haikou", "haikou-housing"))
                        .contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("role-required"));
        mvc.perform(post("/api/reports").with(Callers.member("haikou/longhua"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(REPORT.replace("}", ",\"org\":\"haikou/meilan\"}")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("foreign-org"))
                .andExpect(jsonPath("$.detail").value("只能向本人所属的政协组织提交社情民意信息。"));
    }

    @Test
    void aReportIsVisibleToItsBodyAndTheBodiesAboveButNeverToASibling() throws Exception {
        MvcResult result = mvc.perform(post("/api/reports").with(Callers.member("haikou/longhua/jinyu"))
                        .contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isCreated()).andReturn();
        String location = result.getResponse().getHeader("Location");

        mvc.perform(get(location).with(Callers.editor("haikou/longhua/jinyu"))).andExpect(status().isOk());
        mvc.perform(get(location).with(Callers.editor("haikou/longhua"))).andExpect(status().isOk());
        mvc.perform(get(location).with(Callers.leader("haikou"))).andExpect(status().isOk());
        mvc.perform(get(location).with(Callers.editor("haikou/meilan"))).andExpect(status().isNotFound());
        mvc.perform(get(location).with(Callers.member("haikou/longhua/jinyu"))).andExpect(status().isOk()); // the author
        mvc.perform(get(location).with(Callers.token("u-another-member", "member", "haikou/longhua/jinyu", null)))
                .andExpect(status().isNotFound());
    }
}
