package io.minyi.intake;

import com.jayway.jsonpath.JsonPath;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.audit.AuditCodec;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.intake.draft.DraftStore;
import io.minyi.intake.report.store.ReportStore;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReportEventMother;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A constituent's personal data from submission to reveal: encrypted in MongoDB, absent from Kafka,
 * masked in every answer, revealed only to those allowed, with a purpose, and always in the audit log.
 */
@MinyiServiceIT
class PersonalDataIT {

    static final String ORG = "haikou/longhua";
    static final String PHONE = "13876543210";
    static final String ID_NUMBER = "460100199001011230";
    static final String NAME = "符海燕";
    static final String ADDRESS = "海南省海口市龙华区金贸街道玉沙路8号";
    static final String REPORT = """
            {"title":"老旧小区加装电梯进展缓慢","body":"群众反映加装电梯审批慢，可致电13876543210或0898-66661234了解，身份证460100199001011230。",
             "suggestions":"建议简化审批，联系人邮箱 fu.hy@example.com","channel":"visit","constituents":3,
             "constituent":{"name":"符海燕","phone":"13876543210","idNumber":"460100199001011230","address":"海南省海口市龙华区金贸街道玉沙路8号"}}""";
    static final List<String> PLAIN = List.of(PHONE, "66661234", ID_NUMBER, NAME, "玉沙路8号", "fu.hy@example.com");

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReportStore store;
    @Autowired io.minyi.support.audit.AuditLog auditLog;
    @Autowired java.time.Clock clock;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;
    EventProbe probe;
    KafkaConsumer<String, byte[]> audit;

    @BeforeEach
    void open() {
        probe = new EventProbe(brokers);
        audit = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "audit-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        audit.subscribe(List.of(AuditEvent.TOPIC));
    }

    @AfterEach
    void close() {
        probe.close();
        audit.close();
    }

    @Test
    void personalDataIsEncryptedAtRestAbsentFromEventsAndMaskedInAnswers() throws Exception {
        String id = submit();

        String stored = mongo.findById(id, Document.class, ReportStore.COLLECTION).toJson();
        assertThat(PLAIN).noneMatch(stored::contains);
        assertThat(stored).contains("138****3210").contains("符**").contains("4601**********1230");

        var record = probe.await(id, ReportSubmitted.class::isInstance);
        String onTheWire = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(PLAIN).noneMatch(onTheWire::contains);
        assertThat(((ReportSubmitted) io.minyi.support.messaging.CloudEventsKafka.decode(record)).body())
                .contains("138****3210").contains("0898-****1234").contains("4601**********1230");

        String view = mvc.perform(get("/api/reports/" + id).with(Callers.editor(ORG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personal.kinds").value(org.hamcrest.Matchers.contains("name", "phone", "id-number", "address", "email")))
                .andExpect(jsonPath("$.personal.labels[0]").value("姓名"))
                .andExpect(jsonPath("$.personal.constituent.phone").value("138****3210"))
                .andExpect(jsonPath("$.personal.constituent.address").value("海南省海口市****"))
                .andReturn().getResponse().getContentAsString();
        assertThat(PLAIN).noneMatch(view::contains);
        String list = mvc.perform(get("/api/reports").with(Callers.member(ORG)))
                .andReturn().getResponse().getContentAsString();
        assertThat(PLAIN).noneMatch(list::contains);
    }

    @Test
    void theOfficeRevealsWithAPurposeAndTheRevealIsAudited() throws Exception {
        String id = submit();
        // through the gateway (loopback here): the one X-Forwarded-For it sends is the client's address
        String editor = mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.editor("haikou"))
                        .header("X-Forwarded-For", "198.51.100.20")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"电话回访群众核实情况\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("full"))
                .andExpect(jsonPath("$.constituent.name").value(NAME))
                .andExpect(jsonPath("$.constituent.idNumber").value(ID_NUMBER))
                .andExpect(jsonPath("$.originals.body").value(org.hamcrest.Matchers.containsString(PHONE)))
                .andReturn().getResponse().getHeader("Cache-Control");
        assertThat(editor).contains("no-store");

        AuditEvent entry = awaitAudit(e -> id.equals(e.subject()) && e.action().equals(AuditEvent.Actions.PERSONAL_DATA_REVEALED));
        assertThat(entry.actorId()).isEqualTo("u-editor-haikou");
        assertThat(entry.reason()).isEqualTo("电话回访群众核实情况");
        assertThat(entry.clientAddress()).isEqualTo("198.51.100.20");
        // not through the gateway: the header is not believed, the socket is the client
        mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.editor("haikou")).with(r -> {
                    r.setRemoteAddr("203.0.113.9");
                    return r;
                }).header("X-Forwarded-For", "6.6.6.6").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"直接访问服务\"}")).andExpect(status().isOk());
        assertThat(awaitAudit(e -> "直接访问服务".equals(e.reason())).clientAddress()).isEqualTo("203.0.113.9");
        assertThat(entry.outcome()).isEqualTo(AuditEvent.SUCCESS);
        assertThat(entry.detail()).containsEntry("scope", "full").containsEntry("kinds", "address,email,id-number,name,phone");
        assertThat(new String(AuditCodec.toJson(entry), StandardCharsets.UTF_8)).doesNotContain(PHONE).doesNotContain(NAME);

        mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.editor(ORG))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("reveal-reason-required"));
    }

    @Test
    void onlyTheAssignedDepartmentSeesNameAndPhoneAndTheAdministratorNothing() throws Exception {
        String id = submit();
        String reveal = "{\"reason\":\"联系群众办理\"}";
        String housing = ReportEventMother.DEPARTMENT;
        mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.department(ORG, housing))
                        .contentType(MediaType.APPLICATION_JSON).content(reveal))
                .andExpect(status().isNotFound());

        new EventSender(kafka).send(ReportEventMother.assigned(id, ORG, housing));
        await().untilAsserted(() -> mvc.perform(post("/api/reports/" + id + "/personal-data")
                        .with(Callers.department(ORG, housing)).contentType(MediaType.APPLICATION_JSON).content(reveal))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope").value("contact"))
                .andExpect(jsonPath("$.constituent.name").value(NAME))
                .andExpect(jsonPath("$.constituent.phone").value(PHONE))
                .andExpect(jsonPath("$.constituent.idNumber").doesNotExist())
                .andExpect(jsonPath("$.constituent.address").doesNotExist())
                .andExpect(jsonPath("$.phonesInText").value(org.hamcrest.Matchers.contains(PHONE, "0898-66661234"))));

        mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.department(ORG, "haikou-water"))
                        .contentType(MediaType.APPLICATION_JSON).content(reveal))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.token("u-admin", "admin", "haikou", null))
                        .contentType(MediaType.APPLICATION_JSON).content(reveal))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("personal-data-forbidden"));
        AuditEvent denied = awaitAudit(e -> e.action().equals(AuditEvent.Actions.ACCESS_DENIED) && "u-admin".equals(e.actorId()));
        assertThat(denied.subject()).isEqualTo("/api/reports/" + id + "/personal-data");
        assertThat(denied.reason()).isEqualTo("personal-data-forbidden");
        mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.member("haikou/meilan"))
                        .contentType(MediaType.APPLICATION_JSON).content(reveal))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDraftIsStoredSealedAndItsEventMasked() throws Exception {
        String id = JsonPath.read(mvc.perform(post("/api/drafts").with(Callers.member(ORG))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"请回电13876543210\",\"body\":\"草稿\",\"constituent\":{\"name\":\"符海燕\",\"phone\":\"13876543210\"}}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String stored = mongo.findById(id, Document.class, DraftStore.COLLECTION).toJson();
        assertThat(stored).doesNotContain(PHONE).doesNotContain(NAME);
        mvc.perform(get("/api/drafts/" + id).with(Callers.member(ORG)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.content.constituent.phone").value(PHONE));
        String event = new String(probe.await(id, e -> true).value(), StandardCharsets.UTF_8);
        assertThat(event).doesNotContain(PHONE).contains("138****3210");
    }

    @Test
    void personalDataOfReportsFinishedLongerThanTheRetentionIsErasedAndTheReportStays() throws Exception {
        String id = submit();
        new EventSender(kafka).send(ReportEventMother.closed(id, ORG, io.minyi.contracts.Outcome.ADOPTED));
        await().untilAsserted(() -> assertThat(mongo.findById(id, Document.class, ReportStore.COLLECTION).getString("status"))
                .isEqualTo("closed"));
        var now = new io.minyi.intake.report.Retention(store, auditLog, clock, java.time.Duration.ofDays(1095));
        assertThat(now.eraseExpired()).as("closed today: kept").isZero();
        var later = new io.minyi.intake.report.Retention(store, auditLog,
                java.time.Clock.offset(clock, java.time.Duration.ofDays(1096)), java.time.Duration.ofDays(1095));
        assertThat(later.eraseExpired()).isPositive();

        Document stored = mongo.findById(id, Document.class, ReportStore.COLLECTION);
        assertThat(stored).doesNotContainKey("personal");
        assertThat(stored.get("constituent", Document.class)).isEmpty();
        assertThat(stored.getString("body")).contains("138****3210");
        mvc.perform(post("/api/reports/" + id + "/personal-data").with(Callers.editor(ORG))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"核实\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.constituent.phone").doesNotExist());
        AuditEvent erased = awaitAudit(e -> id.equals(e.subject()) && e.action().equals(AuditEvent.Actions.PERSONAL_DATA_ERASED));
        assertThat(erased.reason()).isEqualTo("retention");
    }

    @Test
    void aConstituentsRequestToDeleteTheirDataIsCarriedOutByTheOffice() throws Exception {
        String id = submit();
        mvc.perform(delete("/api/reports/" + id + "/personal-data").param("reason", "删除").with(Callers.member(ORG)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("erase-forbidden"));
        mvc.perform(delete("/api/reports/" + id + "/personal-data").param("reason", "删除").with(Callers.editor("haikou/meilan")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/reports/" + id + "/personal-data").param("reason", "群众本人来电申请删除").with(Callers.editor(ORG)))
                .andExpect(status().isNoContent());
        assertThat(mongo.findById(id, Document.class, ReportStore.COLLECTION)).doesNotContainKey("personal");
        AuditEvent erased = awaitAudit(e -> id.equals(e.subject()) && e.action().equals(AuditEvent.Actions.PERSONAL_DATA_ERASED));
        assertThat(erased.reason()).isEqualTo("群众本人来电申请删除");
        assertThat(erased.actorId()).isEqualTo("u-editor-haikou-longhua");
    }

    @Test
    void anAdministratorsChangeIsInTheAuditLog() throws Exception {
        String topic = "/api/reference/topics/t-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(put(topic).with(Callers.token("u-admin-haikou", "admin", "haikou", null))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"营商环境\"}"))
                .andExpect(status().isOk());
        AuditEvent change = awaitAudit(e -> topic.equals(e.subject()) && e.action().equals(AuditEvent.Actions.ADMIN_CHANGE));
        assertThat(change.actorId()).isEqualTo("u-admin-haikou");
        assertThat(change.detail()).containsEntry("method", "PUT");
    }

    @Test
    void aTokenWithoutABodyIsRefusedAndTheRefusalAuditedUnderItsSubject() throws Exception {
        mvc.perform(get("/api/reports/r-none").with(Callers.token("u-no-org", "member", null, null)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("org-missing"));
        AuditEvent denied = awaitAudit(e -> "u-no-org".equals(e.actorId()) && e.action().equals(AuditEvent.Actions.ACCESS_DENIED));
        assertThat(denied.reason()).isEqualTo("org-missing");
        assertThat(denied.org()).isNull();
    }

    @Test
    void aWrongPhoneOrIdNumberIsRefused() throws Exception {
        mvc.perform(post("/api/reports").with(Callers.member(ORG)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"body\":\"b\",\"constituent\":{\"phone\":\"12345\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-constituent-phone"));
        mvc.perform(post("/api/reports").with(Callers.member(ORG)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"t\",\"body\":\"b\",\"constituent\":{\"idNumber\":\"460100199001011231\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-constituent-id-number"));
    }

    private String submit() throws Exception {
        return JsonPath.read(mvc.perform(post("/api/reports").with(Callers.member(ORG))
                        .contentType(MediaType.APPLICATION_JSON).content(REPORT))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private AuditEvent awaitAudit(java.util.function.Predicate<AuditEvent> matching) {
        List<AuditEvent> seen = new ArrayList<>();
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            audit.poll(Duration.ofMillis(200)).forEach(r -> seen.add(AuditCodec.fromJson(r.value())));
            return seen.stream().filter(matching).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }
}
