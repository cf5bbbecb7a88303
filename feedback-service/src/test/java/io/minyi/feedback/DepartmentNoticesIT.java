package io.minyi.feedback;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.feedback.notification.Deliveries;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MailStandIn;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** A department is told of a new assignment in the app and by a real e-mail to its registry address, once. */
@MinyiServiceIT
class DepartmentNoticesIT {

    static final String ORG = "haikou/longhua";

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;
    @Autowired Deliveries deliveries;
    @Autowired MongoTemplate mongo;

    @Test
    void aNewAssignmentReachesTheLeadAndTheCoHandlerInTheAppAndByMailExactlyOnce() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lead = "water-" + suffix;
        String co = "parks-" + suffix;
        String noAddress = "quiet-" + suffix;
        ReferenceSeed.publish(kafka, replica, List.of(department(lead, "龙华区水务局", "sw-" + suffix + "@longhua.example.gov.cn"),
                department(co, "龙华区园林局", "yl-" + suffix + "@longhua.example.gov.cn"), department(noAddress, "龙华区档案馆", null)));
        String id = UUID.randomUUID().toString();
        ReportAssigned assigned = new ReportAssigned(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), lead, LocalDate.of(2026, 12, 23), "河道垃圾清理不及时",
                "正文。", List.of(co, noAddress), "environment", "urgent");
        EventSender sender = new EventSender(kafka);
        sender.send(assigned);
        sender.send(assigned); // redelivered: told once

        await().untilAsserted(() -> mvc.perform(get("/api/notifications?unread=true")
                        .with(Callers.department(ORG, lead)))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].title").value("新交办（主办）：《河道垃圾清理不及时》")));
        assertThat(mongo.count(Query.query(Criteria.where("reportId").is(id)), "notifications")).isEqualTo(3);

        // two instances delivering at once send each mail once
        var pool = Executors.newFixedThreadPool(2);
        CompletableFuture.allOf(CompletableFuture.runAsync(deliveries::deliver, pool),
                CompletableFuture.runAsync(deliveries::deliver, pool)).join();
        pool.shutdown();
        await().untilAsserted(() -> assertThat(MailStandIn.to("sw-" + suffix + "@longhua.example.gov.cn")).hasSize(1));
        MimeMessage mail = MailStandIn.to("sw-" + suffix + "@longhua.example.gov.cn").get(0);
        assertThat(mail.getSubject()).isEqualTo("【民意】新交办（主办）：《河道垃圾清理不及时》");
        String text = plainText(mail.getContent());
        assertThat(text).contains("您单位为主办单位，请于 2026年12月23日 前办理答复。")
                .contains("/app/index.html#/inbox");
        assertThat(MailStandIn.to("yl-" + suffix + "@longhua.example.gov.cn")).hasSize(1);
        Document quiet = mongo.findOne(Query.query(Criteria.where("recipient").is("d:" + noAddress)), Document.class,
                "notifications");
        assertThat(quiet.getList("pending", String.class)).as("no address: done, noted").doesNotContain("email");
        assertThat(quiet.getList("sent", Document.class)).anyMatch(s -> "no-address".equals(s.getString("note")));

        deliveries.deliver();
        assertThat(MailStandIn.to("sw-" + suffix + "@longhua.example.gov.cn")).as("nothing sent twice").hasSize(1);
    }

    @Test
    void theDepartmentHearsOfItsDeadlineAndTheOfficeOfNewReportsAndAnswers() throws Exception {
        String dept = "roads-" + UUID.randomUUID().toString().substring(0, 8);
        ReferenceSeed.publish(kafka, replica, List.of(department(dept, "龙华区公路局", null)));
        String id = UUID.randomUUID().toString();
        EventSender sender = new EventSender(kafka);
        Actor system = Actor.SYSTEM;
        sender.send(new io.minyi.contracts.ReportSubmitted(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-m", "王委员", "member"), "乡道坑洼多", "摘要", "正文。", "visit", "transport", null, "normal",
                List.of()));
        sender.send(new ReportAssigned(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), dept, LocalDate.of(2026, 12, 10), "乡道坑洼多", "正文。",
                List.of(), "transport", "normal"));
        sender.send(new io.minyi.contracts.AssignmentDueSoon(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG), system,
                dept, LocalDate.of(2026, 12, 10), 2));
        sender.send(new io.minyi.contracts.AssignmentOverdue(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG), system,
                dept, LocalDate.of(2026, 12, 10)));
        var urged = new io.minyi.contracts.AssignmentUrged(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), dept, LocalDate.of(2026, 12, 10), "请于本周内答复");
        sender.send(urged);
        sender.send(urged); // redelivered: one reminder, one notice
        await().untilAsserted(() -> mvc.perform(get("/api/inbox/" + id).with(Callers.department(ORG, dept)))
                .andExpect(jsonPath("$.reminders[*].kind").value(org.hamcrest.Matchers.hasItems("due-soon", "overdue", "urged")))
                .andExpect(jsonPath("$.reminders[2].note").value("请于本周内答复"))
                .andExpect(jsonPath("$.reminders[2].byName").value("李编辑")));
        sender.send(new io.minyi.contracts.AssignmentEscalated(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG), system,
                dept, LocalDate.of(2026, 12, 10), 3));
        await().untilAsserted(() -> mvc.perform(get("/api/notifications").with(Callers.leader(ORG)))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='escalated')].title")
                        .value("督办：《乡道坑洼多》（龙华区公路局）")));
        mvc.perform(get("/api/notifications").with(Callers.leader("haikou/meilan")))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')]").isEmpty());
        await().untilAsserted(() -> mvc.perform(get("/api/inbox/" + id).with(Callers.department(ORG, dept)))
                .andExpect(jsonPath("$.reminders[*].kind").value(org.hamcrest.Matchers.hasItem("escalated"))));
        sender.send(io.minyi.testsupport.ReportEventMother.responded(id, ORG, dept));
        await().untilAsserted(() -> mvc.perform(get("/api/notifications").with(Callers.department(ORG, dept)))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='due-soon')].text")
                        .value("办理期限为 2026年12月10日（还有 2 个工作日），请按期答复。"))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='overdue')].title")
                        .value("催办：《乡道坑洼多》 已逾期"))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='urged')].text")
                        .value("政协办公室（李编辑）催办：请于本周内答复（办理期限 2026年12月10日）")));
        assertThat(mongo.count(Query.query(Criteria.where("reportId").is(id).and("kind").is("urged")), "notifications"))
                .isEqualTo(1);
        await().untilAsserted(() -> mvc.perform(get("/api/notifications").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='submitted')].title")
                        .value("新报送：《乡道坑洼多》"))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "' && @.kind=='responded')].title")
                        .value("承办单位已答复：《乡道坑洼多》")));
        mvc.perform(get("/api/notifications").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/notifications").with(Callers.department(ORG, "other-" + dept)))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')]").isEmpty());
    }

    @Test
    void aNoticeThatCannotBeSentIsRetriedAndShownToTheOfficeWithItsReason() throws Exception {
        String dept = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        ReferenceSeed.publish(kafka, replica, List.of(department(dept, "龙华区地址错误局", "not an address@@")));
        String id = UUID.randomUUID().toString();
        new EventSender(kafka).send(new ReportAssigned(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), dept, LocalDate.of(2026, 12, 23), "路灯不亮", "正文。",
                List.of(), "urban-construction", "normal"));
        await().until(() -> mongo.count(Query.query(Criteria.where("reportId").is(id)), "notifications") == 1);
        deliveries.deliver();
        await().untilAsserted(() -> mvc.perform(get("/api/notifications/failures").with(Callers.editor(ORG)))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].channel").value("email"))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].attempts").value(1))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].givenUp").value(false))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')].reason").isNotEmpty()));
        Document stored = mongo.findOne(Query.query(Criteria.where("reportId").is(id)), Document.class, "notifications");
        assertThat(stored.getList("pending", String.class)).as("kept for the retry").contains("email");
        mvc.perform(get("/api/notifications/failures").with(Callers.editor("haikou/meilan")))
                .andExpect(jsonPath("$[?(@.reportId=='" + id + "')]").isEmpty());
        mvc.perform(get("/api/notifications/failures").with(Callers.member(ORG)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
    }

    @Test
    void aPersonTurnsEmailOffAndTheAppStillShowsEveryNotice() throws Exception {
        String author = "u-" + UUID.randomUUID();
        var me = Callers.named(author, "王委员", "member", ORG);
        mvc.perform(get("/api/notifications/preferences").with(me))
                .andExpect(jsonPath("$.email").value(true)).andExpect(jsonPath("$.sms").value(true));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/notifications/preferences")
                        .with(me).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"email\":false}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/notifications/preferences")
                        .with(me).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"email\":false,\"sms\":true}"))
                .andExpect(jsonPath("$.email").value(false));
        String id = UUID.randomUUID().toString();
        EventSender sender = new EventSender(kafka);
        sender.send(new io.minyi.contracts.ReportSubmitted(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor(author, "王委员", "member"), "路面塌陷", "摘要", "正文。", "visit", "transport", null, "normal",
                List.of()));
        sender.send(new io.minyi.contracts.ReportReturned(UUID.randomUUID(), Instant.now(), id, OrgPath.of(ORG),
                new Actor("u-editor", "李编辑", "editor"), "请补充地点"));
        await().untilAsserted(() -> mvc.perform(get("/api/notifications").with(me))
                .andExpect(jsonPath("$.items[?(@.reportId=='" + id + "')].kind").value(org.hamcrest.Matchers.hasItem("returned"))));
        await().untilAsserted(() -> { // the scheduled run may be sending it: wait for it rather than race it
            deliveries.deliver();
            Document told = mongo.findOne(Query.query(Criteria.where("reportId").is(id)
                    .and("recipient").is("u:" + author)), Document.class, "notifications");
            assertThat(told.getList("sent", Document.class)).anyMatch(x -> "opted-out".equals(x.getString("note")));
        });
    }

    @Test
    void theAdministratorRewordsAKindOfMailAndTheNextMailUsesIt() throws Exception {
        var admin = Callers.token("u-admin", "admin", "haikou", null);
        var put = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/notifications/templates/assigned");
        mvc.perform(put.with(admin).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"【龙华政协】{标题}\",\"text\":\"{收件人}您好\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-placeholder"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/notifications/templates/assigned")
                        .with(Callers.editor(ORG)).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"x\",\"text\":\"y\"}"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        try {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/notifications/templates/assigned")
                            .with(admin).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                            .content("{\"subject\":\"【龙华政协】{标题}\",\"text\":\"各承办单位：\\n{内容}\\n办理入口：{链接}\"}"))
                    .andExpect(jsonPath("$.custom").value(true));
            mvc.perform(get("/api/notifications/templates").with(admin))
                    .andExpect(jsonPath("$[?(@.kind=='assigned')].subject").value("【龙华政协】{标题}"))
                    .andExpect(jsonPath("$[?(@.kind=='overdue')].custom").value(false));
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String dept = "worded-" + suffix;
            String address = "wd-" + suffix + "@longhua.example.gov.cn";
            ReferenceSeed.publish(kafka, replica, List.of(department(dept, "龙华区措辞局", address)));
            new EventSender(kafka).send(new ReportAssigned(UUID.randomUUID(), Instant.now(), UUID.randomUUID().toString(),
                    OrgPath.of(ORG), new Actor("u-editor", "李编辑", "editor"), dept, LocalDate.of(2026, 12, 23), "公园照明不足",
                    "正文。", List.of(), "urban-construction", "normal"));
            await().until(() -> mongo.count(Query.query(Criteria.where("recipient").is("d:" + dept)), "notifications") == 1);
            deliveries.deliver();
            await().untilAsserted(() -> assertThat(MailStandIn.to(address)).hasSize(1));
            MimeMessage mail = MailStandIn.to(address).get(0);
            assertThat(mail.getSubject()).isEqualTo("【龙华政协】新交办（主办）：《公园照明不足》");
            assertThat(plainText(mail.getContent())).startsWith("各承办单位：").contains("您单位为主办单位").contains("办理入口：http");
        } finally {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/notifications/templates/assigned")
                    .with(admin)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
        }
    }

    static String plainText(Object content) throws Exception {
        return NoticeFixtures.plainText(content);
    }

    static ReferenceChanged department(String code, String name, String email) {
        return NoticeFixtures.department(code, name, ORG, email);
    }
}
