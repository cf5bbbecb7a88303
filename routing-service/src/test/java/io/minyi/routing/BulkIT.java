package io.minyi.routing;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.audit.AuditCodec;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** 批量操作: many reports at once, each by itself, each result named, one audit entry per report. */
@MinyiServiceIT
class BulkIT {

    static final String ORG = "haikou/longhua";

    @Autowired MockMvc mvc;
    @Autowired CaseStore cases;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    KafkaConsumer<String, byte[]> audit;
    String topic;

    @BeforeEach
    void open() {
        topic = "t-" + UUID.randomUUID().toString().substring(0, 8);
        audit = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "audit-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        audit.subscribe(List.of(AuditEvent.TOPIC));
    }

    @AfterEach
    void close() {
        audit.close();
    }

    @Test
    void aLeaderSignsOffManyAndTheOneThatCannotBeIsNamedWhileTheOthersAreDone() throws Exception {
        String a = editing(ORG);
        String b = editing(ORG);
        String notOpened = submitted(ORG);
        String sibling = editing("haikou/meilan");
        String body = "{\"action\":\"sign-off\",\"reportIds\":[\"" + a + "\",\"" + notOpened + "\",\"" + b + "\",\""
                + sibling + "\"]}";

        bulk(Callers.editor(ORG), body).andExpect(status().isForbidden());
        bulk(Callers.leader(ORG), body).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4)).andExpect(jsonPath("$.done").value(2))
                .andExpect(jsonPath("$.failed").value(2))
                .andExpect(jsonPath("$.items[*].reportId", contains(a, notOpened, b, sibling)))
                .andExpect(jsonPath("$.items[0].done").value(true)).andExpect(jsonPath("$.items[0].statusLabel").value("已签发"))
                .andExpect(jsonPath("$.items[1].code").value("illegal-transition"))
                .andExpect(jsonPath("$.items[1].message").value("当前状态为“已提交”，不能执行“签发”。"))
                .andExpect(jsonPath("$.items[3].code").value("not-found"))
                .andExpect(jsonPath("$.items[3].title").doesNotExist());
        assertThat(cases.find(a).orElseThrow().status()).isEqualTo(ReportStatus.SIGNED_OFF);
        assertThat(cases.find(b).orElseThrow().status()).isEqualTo(ReportStatus.SIGNED_OFF);
        assertThat(cases.find(notOpened).orElseThrow().status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(cases.find(sibling).orElseThrow().status()).as("a sibling's report is untouched")
                .isEqualTo(ReportStatus.EDITING);

        List<AuditEvent> entries = auditOf(List.of(a, b, notOpened, sibling));
        assertThat(entries).hasSize(4).allMatch(e -> e.action().equals(AuditEvent.Actions.BULK_ACTION)
                && "sign-off".equals(e.detail().get("action")) && e.actorId().equals("u-leader-" + ORG.replace('/', '-')));
        assertThat(entries.stream().map(e -> e.detail().get("batch")).distinct()).hasSize(1);
        assertThat(entries.stream().filter(e -> e.outcome().equals(AuditEvent.SUCCESS)).map(AuditEvent::subject))
                .containsExactlyInAnyOrder(a, b);
        assertThat(entries.stream().filter(e -> e.subject().equals(sibling)).findFirst().orElseThrow().detail().get("code"))
                .isEqualTo("not-found");
    }

    @Test
    void allThatMatchAFilterAreAssignedEachByTheRuleUnlessTheClerkChoseAnotherDepartment() throws Exception {
        mvc.perform(put("/api/assignment-rules").with(Callers.editor(ORG)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"topic\":\"" + topic + "\",\"department\":\"longhua-housing\"}")).andExpect(status().isOk());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(signedOff(ORG));
        }
        String filter = "\"filter\":{\"queue\":\"assignment\",\"topic\":\"" + topic + "\"}";
        mvc.perform(post("/api/bulk/preview").with(Callers.editor(ORG)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"assign\"," + filter + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].reportId", contains(ids.toArray())))
                .andExpect(jsonPath("$[0].possible").value(true))
                .andExpect(jsonPath("$[0].proposal.department").value("longhua-housing"))
                .andExpect(jsonPath("$[0].proposal.departmentName").value("海口市龙华区住房和城乡建设局"))
                .andExpect(jsonPath("$[0].proposal.deadline").exists());
        assertThat(cases.find(ids.get(0)).orElseThrow().status()).as("a preview changes nothing")
                .isEqualTo(ReportStatus.SIGNED_OFF);

        bulk(Callers.editor(ORG), "{\"action\":\"assign\"," + filter + ",\"assignees\":{\"" + ids.get(1)
                + "\":{\"department\":\"longhua-transport\"}}}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(3));
        assertThat(cases.find(ids.get(0)).orElseThrow().assignment().department()).isEqualTo("longhua-housing");
        assertThat(cases.find(ids.get(1)).orElseThrow().assignment().department()).isEqualTo("longhua-transport");
        assertThat(cases.find(ids.get(2)).orElseThrow().assignment().department()).isEqualTo("longhua-housing");

        // nothing matches any more: the queue's filter is empty now
        bulk(Callers.editor(ORG), "{\"action\":\"assign\"," + filter + "}").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void theEditingQueueReturnsManyWithOneReasonOpeningThoseNotYetOpened() throws Exception {
        String opened = editing(ORG);
        String notOpened = submitted(ORG);
        String ids = "\"reportIds\":[\"" + opened + "\",\"" + notOpened + "\"]";
        bulk(Callers.editor(ORG), "{\"action\":\"return\"," + ids + ",\"comment\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-comment"));
        assertThat(cases.find(opened).orElseThrow().status()).as("nothing changed").isEqualTo(ReportStatus.EDITING);

        bulk(Callers.editor(ORG), "{\"action\":\"return\"," + ids + ",\"comment\":\"请补充具体地点和时间\"}")
                .andExpect(jsonPath("$.done").value(2))
                .andExpect(jsonPath("$.items[*].status", contains("returned", "returned")));
    }

    @Test
    void signedOffReportsGoIntoABulletinIssueAndTheUnsignedOneIsNamed() throws Exception {
        String a = signedOff(ORG);
        String b = signedOff(ORG);
        String unsigned = editing(ORG);
        String issue = JsonPath.read(mvc.perform(post("/api/bulletins").with(Callers.editor(ORG)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        bulk(Callers.editor(ORG), "{\"action\":\"add-to-bulletin\",\"bulletinId\":\"" + issue + "\",\"reportIds\":[\""
                + a + "\",\"" + unsigned + "\",\"" + b + "\"]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(2))
                .andExpect(jsonPath("$.items[1].code").value("not-signed-off"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/bulletins/" + issue)
                .with(Callers.editor(ORG))).andExpect(jsonPath("$.items[*].reportId", contains(a, b)));
        bulk(Callers.editor(ORG), "{\"action\":\"add-to-bulletin\",\"reportIds\":[\"" + a + "\"]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("missing-bulletinId"));
    }

    @Test
    void aBulkRequestNamesItsReportsOrAFilterAndAKnownAction() throws Exception {
        String a = editing(ORG);
        bulk(Callers.leader(ORG), "{\"action\":\"sign-off\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("selection-required"));
        bulk(Callers.leader(ORG), "{\"action\":\"sign-off\",\"reportIds\":[\"" + a + "\"],\"filter\":{\"queue\":\"sign-off\"}}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("selection-required"));
        bulk(Callers.editor(ORG), "{\"action\":\"close\",\"reportIds\":[\"" + a + "\"]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-action"));
        bulk(Callers.editor(ORG), "{\"action\":\"assign\",\"filter\":{\"queue\":\"sign-off\"}}")
                .andExpect(status().isForbidden());
        bulk(Callers.member(ORG), "{\"action\":\"urge\",\"reportIds\":[\"" + a + "\"],\"comment\":\"x\"}")
                .andExpect(status().isForbidden());
        assertThat(cases.find(a).orElseThrow().status()).isEqualTo(ReportStatus.EDITING);
    }

    @Test
    void theChosenReportsAreExportedAsCsvThatASpreadsheetReadsAndEachExportIsAudited() throws Exception {
        String a = editing(ORG);
        String formula = UUID.randomUUID().toString();
        new EventSender(kafka).send(new ReportSubmitted(UUID.randomUUID(), Instant.now(), formula, OrgPath.of(ORG),
                new Actor("u-member", "=HYPERLINK(\"x\")", "member"), "=1+1 标题, 含逗号", "摘要", "正文。",
                "own-observation", topic, null, "very-urgent", List.of()));
        await().untilAsserted(() -> assertThat(cases.find(formula)).isPresent());
        String sibling = editing("haikou/meilan");

        var response = mvc.perform(post("/api/bulk/export").with(Callers.editor(ORG)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportIds\":[\"" + a + "\",\"" + formula + "\",\"" + sibling + "\"]}"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains(".csv");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(bytes, 3, bytes.length - 3, java.nio.charset.StandardCharsets.UTF_8)))
                .getRecords();
        assertThat(records).as("a sibling's report is not exported").hasSize(2);
        assertThat(records.get(0).get("信息编号")).isEqualTo(a);
        assertThat(records.get(0).get("状态")).isEqualTo("采编中");
        assertThat(records.get(1).get("标题")).isEqualTo("'=1+1 标题, 含逗号");
        assertThat(records.get(1).get("作者")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(records.get(1).get("紧急程度")).isEqualTo("特急");

        List<AuditEvent> exports = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            audit.poll(Duration.ofMillis(200)).forEach(r -> {
                AuditEvent e = AuditCodec.fromJson(r.value());
                if (e.action().equals(AuditEvent.Actions.EXPORT) && List.of(a, formula, sibling).contains(e.subject())) {
                    exports.add(e);
                }
            });
            return exports.size() >= 2;
        });
        assertThat(exports).extracting(AuditEvent::subject).containsExactlyInAnyOrder(a, formula);
        mvc.perform(post("/api/bulk/export").with(Callers.member(ORG)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportIds\":[\"" + a + "\"]}")).andExpect(status().isForbidden());
    }

    private List<AuditEvent> auditOf(List<String> subjects) {
        List<AuditEvent> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            audit.poll(Duration.ofMillis(200)).forEach(r -> {
                AuditEvent e = AuditCodec.fromJson(r.value());
                if (subjects.contains(e.subject()) && e.action().equals(AuditEvent.Actions.BULK_ACTION)) {
                    found.add(e);
                }
            });
            return found.size() >= subjects.size();
        });
        return found;
    }

    private ResultActions bulk(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/bulk").with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String submitted(String org) throws Exception {
        String id = UUID.randomUUID().toString();
        new EventSender(kafka).send(new ReportSubmitted(UUID.randomUUID(), Instant.now(), id, OrgPath.of(org),
                new Actor("u-member", "王委员", "member"), "标题" + id.substring(0, 4), "摘要", "正文。", "own-observation",
                topic, null, "normal", List.of()));
        await().untilAsserted(() -> assertThat(cases.find(id)).isPresent());
        return id;
    }

    private String editing(String org) throws Exception {
        String id = submitted(org);
        act(id, Callers.editor(org), "{\"action\":\"start-editing\"}");
        return id;
    }

    private String signedOff(String org) throws Exception {
        String id = editing(org);
        act(id, Callers.leader(org), "{\"action\":\"sign-off\"}");
        return id;
    }

    private void act(String id, RequestPostProcessor who, String json) throws Exception {
        mvc.perform(post("/api/reports/" + id + "/transitions").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isOk());
    }
}
