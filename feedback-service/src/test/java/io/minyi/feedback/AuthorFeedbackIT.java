package io.minyi.feedback;

import io.minyi.contracts.Actor;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.Rating;
import io.minyi.contracts.ReopenRequested;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportOutcomeDecided;
import io.minyi.contracts.ReportRated;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.feedback.notification.Deliveries;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every author and co-author is told the outcome; they rate it and may ask once to reopen it. */
@MinyiServiceIT
class AuthorFeedbackIT {

    static final String ORG = "haikou/qiongshan";

    @Autowired MockMvc mvc;
    @Autowired MongoTemplate mongo;
    @Autowired Deliveries deliveries;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrap;
    EventSender sender;
    EventProbe probe;
    String id;
    String author;

    @BeforeEach
    void submitted() {
        sender = new EventSender(kafka);
        probe = new EventProbe(bootstrap);
        id = UUID.randomUUID().toString();
        author = "u-" + UUID.randomUUID();
        sender.send(new ReportSubmitted(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor(author, "王委员", "member"), "老旧小区加装电梯进展缓慢", "摘要", "正文", "own-observation",
                "urban-construction", null, "normal", List.of("李委员")));
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + id + "/feedback").with(me()))
                .andExpect(status().isOk()));
    }

    @AfterEach
    void close() {
        probe.close();
    }

    @Test
    void authorsAreToldWhenABodyAboveAdoptsTheirReportButNotWhenTheirOwnBodyDoes() throws Exception {
        sender.send(new io.minyi.contracts.ReportOutcomeDecided(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-ed", "李编辑", "editor"), io.minyi.contracts.Outcome.ADOPTED, null, OrgPath.of(ORG),
                io.minyi.contracts.AdoptionLevel.DISTRICT, null));
        sender.send(new io.minyi.contracts.ReportOutcomeDecided(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-ed", "赵编辑", "editor"), io.minyi.contracts.Outcome.ADOPTED, "列入市政协专报。",
                OrgPath.of("haikou"), io.minyi.contracts.AdoptionLevel.CITY, null));
        await().untilAsserted(() -> mvc.perform(get("/api/notifications").with(me()))
                .andExpect(jsonPath("$.items[?(@.kind=='adopted-higher')].title")
                        .value(org.hamcrest.Matchers.contains("信息获上级采用（市级采纳）《老旧小区加装电梯进展缓慢》"))));
    }

    @Test
    void authorsAreToldTheOutcomeRateItOnceAndAskOnceToReopen() throws Exception {
        rate(me(), "satisfied").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-closed"));
        sender.send(ReportEventMother.responded(id, ORG, "haikou-housing"));
        await().untilAsserted(() -> mvc.perform(get("/api/reports/" + id + "/feedback").with(me()))
                .andExpect(jsonPath("$.department").value("haikou-housing"))
                .andExpect(jsonPath("$.departmentName").value("海口市住房和城乡建设局")));
        sender.send(new ReportOutcomeDecided(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), Outcome.ADOPTED, "市政府采纳", OrgPath.of(ORG),
                AdoptionLevel.CITY, "市政府办公厅〔2026〕12号批复"));
        ReportClosed closed = ReportEventMother.closed(id, ORG, Outcome.ADOPTED);
        sender.send(closed);
        sender.send(closed); // redelivered: told once
        await().untilAsserted(() -> mvc.perform(get("/api/notifications?unread=true").with(me()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='closed')].title")
                        .value("信息已办结：市级采纳《老旧小区加装电梯进展缓慢》")));
        mvc.perform(get("/api/notifications").with(coAuthor()))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='closed')]").isNotEmpty());
        mvc.perform(get("/api/notifications").with(Callers.token("u-other", "member", "haikou/meilan", null)))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')]").isEmpty());
        assertThat(mongo.count(Query.query(Criteria.where("reportId").is(id).and("kind").is("closed")),
                "notifications")).as("the author and the co-author, once each").isEqualTo(2);

        long unread = unread(me());
        String notification = mongo.findOne(Query.query(Criteria.where("reportId").is(id).and("kind").is("closed")
                .and("recipient").is("u:" + author)), org.bson.Document.class, "notifications").getString("_id");
        mvc.perform(post("/api/notifications/" + notification + "/read").with(coAuthor()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/" + notification + "/read").with(me())).andExpect(status().isNoContent());
        assertThat(unread(me())).isEqualTo(unread - 1);

        // the scheduled run may hold a notification's lease while it sends: wait for it rather than race it
        await().untilAsserted(() -> {
            deliveries.deliver();
            assertThat(mongo.count(Query.query(Criteria.where("reportId").is(id).and("pending.0").exists(true)),
                    "notifications")).as("sent by e-mail and SMS").isZero();
        });

        mvc.perform(get("/api/reports/" + id + "/feedback").with(me()))
                .andExpect(jsonPath("$.adoptionLevelLabel").value("市级采纳")).andExpect(jsonPath("$.mayRate").value(true));
        rate(me(), "excellent").andExpect(status().isBadRequest());
        rate(Callers.token("u-other", "member", ORG, null), "satisfied").andExpect(status().isNotFound());
        rate(me(), "basically-satisfied").andExpect(status().isOk()).andExpect(jsonPath("$.myRating")
                .value("basically-satisfied")).andExpect(jsonPath("$.mayRate").value(false));
        rate(me(), "satisfied").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("already-rated"));
        rate(coAuthor(), "not-satisfied").andExpect(status().isOk());
        assertThat(probe.await(id, ReportRated.class).rating()).isIn(Rating.BASICALLY_SATISFIED, Rating.NOT_SATISFIED);

        reopen(coAuthor(), "{\"reason\":\" \"}").andExpect(status().isBadRequest());
        reopen(coAuthor(), "{\"reason\":\"承诺的补贴至今未发放\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.mayAskReopen").value(false));
        assertThat(probe.await(id, ReopenRequested.class).reason()).isEqualTo("承诺的补贴至今未发放");
        reopen(me(), "{\"reason\":\"再申请\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("reopen-asked"));
    }

    private long unread(RequestPostProcessor who) throws Exception {
        String body = mvc.perform(get("/api/notifications/unread-count").with(who)).andReturn().getResponse()
                .getContentAsString();
        return Long.parseLong(body.replaceAll("\\D", ""));
    }

    private ResultActions rate(RequestPostProcessor who, String rating) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/rating").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"rating\":\"" + rating + "\",\"comment\":\"措施可行\"}"));
    }

    private ResultActions reopen(RequestPostProcessor who, String json) throws Exception {
        return mvc.perform(post("/api/reports/" + id + "/reopen").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private RequestPostProcessor me() {
        return Callers.token(author, "member", ORG, null);
    }

    private RequestPostProcessor coAuthor() {
        return Callers.named("u-li-" + id, "李委员", "member", ORG);
    }
}
