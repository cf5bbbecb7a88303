package io.minyi.feedback;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportAssigned;
import io.minyi.feedback.notification.DailyOverdueSummary;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.EventSender;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
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

/** What the office and the leaders of a body are told: the daily overdue summary, forwarded reports, bulletin issues. */
@MinyiServiceIT
class OfficeNoticesIT {

    static final String ORG = "haikou/longhua";

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;
    @Autowired MongoTemplate mongo;
    @Autowired DailyOverdueSummary daily;

    @Test
    void everyMorningTheOfficeHearsHowManyOfItsAssignmentsAreOverdueOnceAcrossInstances() throws Exception {
        String body = ORG + "/d" + UUID.randomUUID().toString().substring(0, 6);
        String dept = "late-" + UUID.randomUUID().toString().substring(0, 8);
        ReferenceSeed.publish(kafka, replica, List.of(NoticeFixtures.department(dept, "龙华区迟办局", ORG, null)));
        EventSender sender = new EventSender(kafka);
        for (LocalDate deadline : List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), LocalDate.of(2099, 1, 1))) {
            sender.send(new ReportAssigned(UUID.randomUUID(), Instant.now(), UUID.randomUUID().toString(), OrgPath.of(body),
                    new Actor("u-editor", "李编辑", "editor"), dept, deadline, "迟办件", "正文。", List.of(), "transport", "normal"));
        }
        await().until(() -> mongo.count(Query.query(Criteria.where("department").is(dept)), "inbox") == 3);
        LocalDate day = LocalDate.of(2030, 1, 7).plusDays(new java.util.Random().nextInt(1000));
        var pool = Executors.newFixedThreadPool(2);
        var a = CompletableFuture.supplyAsync(() -> daily.send(day), pool);
        var b = CompletableFuture.supplyAsync(() -> daily.send(day), pool);
        assertThat(a.join() > 0 ^ b.join() > 0).as("one instance sends it").isTrue();
        pool.shutdown();
        mvc.perform(get("/api/notifications").with(Callers.editor(body)))
                .andExpect(jsonPath("$.items[?(@.kind=='daily-overdue')].title").value("逾期未答复日报：2 件"));
    }

    @Test
    void leadersHearOfReportsWaitingForSignOffForwardedToThemAndOfEachPublishedBulletinIssueOnce() throws Exception {
        String body = ORG + "/b" + UUID.randomUUID().toString().substring(0, 6);
        EventSender sender = new EventSender(kafka);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        for (String id : List.of(first, second)) {
            sender.send(new io.minyi.contracts.ReportSubmitted(UUID.randomUUID(), Instant.now(), id, OrgPath.of(body),
                    new Actor("u-m", "王委员", "member"), "农贸市场排水不畅", "摘要", "正文。", "visit", "transport", null,
                    "normal", List.of()));
        }
        Actor editor = new Actor("u-editor", "李编辑", "editor");
        sender.send(new io.minyi.contracts.ReportEditingStarted(UUID.randomUUID(), Instant.now(), second, OrgPath.of(body),
                editor));
        sender.send(new io.minyi.contracts.ReportForwarded(UUID.randomUUID(), Instant.now(), first, OrgPath.of(body), editor,
                OrgPath.of(body), OrgPath.of(body)));
        for (String id : List.of(first, second)) {
            sender.send(new io.minyi.contracts.ReportInBulletin(UUID.randomUUID(), Instant.now(), id, OrgPath.of(body), editor,
                    OrgPath.of(body), 2026, 7, "第7期"));
        }
        await().untilAsserted(() -> mvc.perform(get("/api/notifications").with(Callers.leader(body)))
                .andExpect(jsonPath("$.items[?(@.kind=='forwarded')].reportId").value(first))
                .andExpect(jsonPath("$.items[?(@.kind=='sign-off-waiting')].title").value("待签发：《农贸市场排水不畅》"))
                .andExpect(jsonPath("$.items[?(@.kind=='bulletin-published')].title")
                        .value("《社情民意信息专报》2026 年第 7 期已印发")));
        assertThat(mongo.count(Query.query(Criteria.where("kind").is("bulletin-published").and("recipient").is("l:" + body)),
                "notifications")).as("once per issue").isEqualTo(1);
    }
}
