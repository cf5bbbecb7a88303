package io.minyi.feedback;

import io.minyi.contracts.Actor;
import io.minyi.contracts.AssignmentPartSubmitted;
import io.minyi.contracts.AssignmentProgressNoted;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportResponded;
import io.minyi.feedback.inbox.feed.DepartmentFeed;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventProbe;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import io.minyi.support.reference.ReferenceReplica;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Handling with co-handlers, progress notes and files; the inbox for departments' systems (filters, ETag, cursor, Kafka). */
@MinyiServiceIT
class HandlingIT {

    static final String ORG = "haikou/meilan";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;
    @Autowired DepartmentFeed feed;
    @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventSender sender;
    EventProbe probe;
    String id;
    String lead;
    String co;

    @BeforeEach
    void assigned() {
        sender = new EventSender(kafka);
        probe = new EventProbe(bootstrap);
        id = UUID.randomUUID().toString();
        lead = "housing-" + UUID.randomUUID().toString().substring(0, 8);
        co = "planning-" + UUID.randomUUID().toString().substring(0, 8);
        ReferenceSeed.publish(kafka, replica, List.of(ReferenceSeed.department(lead, "住建局" + lead, ORG, true, 1),
                ReferenceSeed.department(co, "规划局" + co, ORG, true, 1)));
        if (replica.department("other-dept").isEmpty()) {
            ReferenceSeed.publish(kafka, replica, List.of(ReferenceSeed.department("other-dept", "其他局", ORG, true, 1)));
        }
        sender.send(new ReportAssigned(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), lead, LocalDate.now().plusDays(15), "老旧小区加装电梯进展缓慢",
                "正文。", List.of(co), "urban-construction", "urgent"));
        await().untilAsserted(() -> mvc.perform(get("/api/inbox/" + id).with(dept(co))).andExpect(status().isOk()));
        await().untilAsserted(() -> mvc.perform(get("/api/inbox/" + id).with(dept(lead))).andExpect(status().isOk()));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void theLeadsAnswerMergesTheCoHandlersPartAndCarriesTheLetterAndItsFiles() throws Exception {
        act(dept(lead), "accept", "{}").andExpect(status().isOk());
        act(dept(co), "notes", "{\"text\":\"已完成规划条件核查\"}").andExpect(status().isOk());
        act(dept(lead), "notes", "{\"text\":\"已完成三个小区的现场调研\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.notes[0].text").value("已完成三个小区的现场调研"));
        assertThat(probe.await(id, AssignmentProgressNoted.class::isInstance)).isNotNull();
        act(dept(lead), "part", "{\"text\":\"主办不交会办意见\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("not-co-handler"));

        upload(dept(co), "规划意见.pdf", PDF).andExpect(status().isCreated());
        act(dept(co), "part", "{\"text\":\"规划审批已并联办理。\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("responded"));
        act(dept(co), "part", "{\"text\":\"再交一次\"}").andExpect(status().isConflict());
        AssignmentPartSubmitted part = probe.await(id, AssignmentPartSubmitted.class);
        assertThat(part.lead()).isEqualTo(lead);
        assertThat(part.attachments()).extracting("name").containsExactly("规划意见.pdf");
        await().untilAsserted(() -> mvc.perform(get("/api/inbox/" + id).with(dept(lead)))
                .andExpect(jsonPath("$.parts[0].department").value(co)));

        upload(dept(lead), "答复函.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))
                .andExpect(status().isUnsupportedMediaType());
        String letter = upload(dept(lead), "答复函.pdf", PDF).andExpect(status().isCreated())
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get("/api/inbox/" + id + "/files").with(dept(lead))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].name").value("答复函.pdf"));
        mvc.perform(get("/api/inbox/" + id + "/files").with(dept("other-dept"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/inbox/" + id + "/response").with(dept(lead)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"response\":\"已制定加装电梯补贴办法。\",\"letterNo\":\"海住建函〔2026〕88号\","
                                + "\"promisedActions\":\"2027年3月底前出台补贴细则\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("responded"));
        ReportResponded answer = probe.await(id, ReportResponded.class);
        assertThat(answer.letterNo()).isEqualTo("海住建函〔2026〕88号");
        assertThat(answer.promisedActions()).isEqualTo("2027年3月底前出台补贴细则");
        assertThat(answer.parts()).singleElement().satisfies(p -> {
            assertThat(p.department()).isEqualTo(co);
            assertThat(p.text()).isEqualTo("规划审批已并联办理。");
        });
        assertThat(answer.attachments()).extracting("name").containsExactly("答复函.pdf");

        mvc.perform(get(letter).with(dept(co))).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        mvc.perform(get(letter).with(Callers.editor(ORG))).andExpect(status().isOk());
        mvc.perform(get(letter).with(dept("other-dept"))).andExpect(status().isNotFound());
        mvc.perform(get(letter).with(Callers.editor("haikou/longhua"))).andExpect(status().isNotFound());
    }

    @Test
    void aDepartmentSeesOnlyItsOwnItems() throws Exception {
        mvc.perform(get("/api/inbox/" + id).with(dept("other-dept"))).andExpect(status().isNotFound());
        act(dept("other-dept"), "notes", "{\"text\":\"看看\"}").andExpect(status().isNotFound());
        mvc.perform(get("/api/inbox/changes").with(dept("other-dept")))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/inbox").with(Callers.editor(ORG))).andExpect(status().isForbidden());
    }

    @Test
    void aSystemPollsCheaplyWithAnETagAndFollowsChangesWithACursor() throws Exception {
        String query = "/api/inbox?state=assigned&topic=urban-construction&body=haikou&deadlineBy="
                + LocalDate.now().plusDays(30);
        String etag = mvc.perform(get(query).with(dept(lead))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].reportId").value(id)).andExpect(jsonPath("$.total").value(1))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(get(query).with(dept(lead)).header("If-None-Match", etag)).andExpect(status().isNotModified());
        // a rename in the registry alone changes what the page shows, so its ETag
        ReferenceSeed.publish(kafka, replica, List.of(ReferenceSeed.department(lead, "住建局（更名）" + lead, ORG, true, 2)));
        etag = mvc.perform(get(query).with(dept(lead)).header("If-None-Match", etag)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].departmentName").value("住建局（更名）" + lead))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/api/inbox?topic=other-topic").with(dept(lead))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/inbox?body=haikou/longhua").with(dept(lead))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/inbox?deadlineBy=not-a-date").with(dept(lead))).andExpect(status().isBadRequest());

        long[] cursor = {0};
        await().untilAsserted(() -> {
            JsonNode page = json(mvc.perform(get("/api/inbox/changes?after=0").with(dept(lead))).andReturn()
                    .getResponse().getContentAsString());
            assertThat(page.get("items").findValuesAsString("reportId")).contains(id);
            cursor[0] = page.get("next").asLong();
        });
        mvc.perform(get("/api/inbox/changes?after=" + cursor[0]).with(dept(lead)))
                .andExpect(jsonPath("$.items").isEmpty()).andExpect(jsonPath("$.next").value(cursor[0]));

        act(dept(lead), "accept", "{}").andExpect(status().isOk());
        mvc.perform(get(query).with(dept(lead)).header("If-None-Match", etag)).andExpect(status().isOk());
        await().untilAsserted(() -> mvc.perform(get("/api/inbox/changes?after=" + cursor[0]).with(dept(lead)))
                .andExpect(jsonPath("$.items[0].reportId").value(id))
                .andExpect(jsonPath("$.items[0].state").value("handling")));
    }

    @Test
    void departmentsIntegratingByEventsGetTheirItemsOnTheirOwnTopic() throws Exception {
        act(dept(lead), "accept", "{}").andExpect(status().isOk());
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, lead + "-system", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DepartmentFeed.topic(lead)));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                feed.publish();
                consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
                assertThat(seen).anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(id);
                    assertThat(new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                            .isEqualTo(DepartmentFeed.TYPE);
                    assertThat(json(new String(r.value(), StandardCharsets.UTF_8)).get("state").asString())
                            .isEqualTo("handling");
                });
            });
            assertThat(seen).allSatisfy(r -> assertThat(json(new String(r.value(), StandardCharsets.UTF_8))
                    .get("roleLabel").asString()).as("only the lead's items on the lead's topic").isEqualTo("主办"));
        }
    }

    @Test
    void aDepartmentWhoseTopicRefusesItsChangesHoldsUpNoOtherAndCatchesUpInOrder() throws Exception {
        String failing = "failing-" + UUID.randomUUID().toString().substring(0, 8);
        String healthy = "healthy-" + UUID.randomUUID().toString().substring(0, 8);
        ReferenceSeed.publish(kafka, replica, List.of(ReferenceSeed.department(failing, "水务局" + failing, ORG, true, 1),
                ReferenceSeed.department(healthy, "城管局" + healthy, ORG, true, 1)));
        var topicConfig = new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, DepartmentFeed.topic(failing));
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrap))) {
            // the failing department's topic takes no record at all until its limit is lifted
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(DepartmentFeed.topic(failing), 3, (short) 1)
                    .configs(Map.of("max.message.bytes", "1")))).all().get();
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            for (String report : List.of(first, second)) {
                sender.send(new ReportAssigned(UUID.randomUUID(), Instant.now(), report, OrgPath.of(ORG),
                        new Actor("u-editor", "李编辑", "editor"), failing, LocalDate.now().plusDays(15), "积水点排查 " + report,
                        "正文。", List.of(healthy), "urban-construction", "normal"));
            }
            List<String> healthySeen = keysOn(DepartmentFeed.topic(healthy), 2);
            assertThat(healthySeen).as("the healthy department gets its items").contains(first, second);
            assertThat(mongo.findById(failing, org.bson.Document.class, "feed_behind")).as("the failing one is held back")
                    .isNotNull();

            admin.incrementalAlterConfigs(Map.of(topicConfig, List.of(new org.apache.kafka.clients.admin.AlterConfigOp(
                    new org.apache.kafka.clients.admin.ConfigEntry("max.message.bytes", null),
                    org.apache.kafka.clients.admin.AlterConfigOp.OpType.DELETE)))).all().get();
            List<String> failingSeen = keysOn(DepartmentFeed.topic(failing), 2);
            assertThat(failingSeen).as("caught up, in order").containsSubsequence(first, second);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    mongo.findById(failing, org.bson.Document.class, "feed_behind") == null);
        }
    }

    /** The record keys on a department's topic, once at least {@code count} have arrived. */
    private List<String> keysOn(String topic, int count) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
                assertThat(seen.stream().map(ConsumerRecord::key).distinct().count()).isGreaterThanOrEqualTo(count);
            });
            return seen.stream().map(ConsumerRecord::key).toList();
        }
    }

    private ResultActions act(RequestPostProcessor who, String action, String json) throws Exception {
        return mvc.perform(post("/api/inbox/" + id + "/" + action).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions upload(RequestPostProcessor who, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/inbox/" + id + "/files")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content)).with(who));
    }

    private static JsonNode json(String s) {
        return JSON.readTree(s);
    }

    private static RequestPostProcessor dept(String department) {
        return Callers.department(ORG, department);
    }
}
