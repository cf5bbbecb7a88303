package io.minyi.e2e;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Everyone who must act is told, on the running platform with its real mail server and SMS endpoint: the
 * office of a new report, the leaders of a report waiting for sign-off, the department of its assignment by
 * mail, the co-handling department's handlers as an unread notice; with the platform's clock moved past the deadline the department gets its 催办 mail and SMS; at
 * night a manual 催办's SMS waits for the morning; days later the item is escalated to the leaders and the
 * office. Then two feedback instances share a burst of 200 notices, one is killed in the middle, and every
 * notice reaches the mailbox as one message. Runs last: it moves the clock forward (and back at the end).
 */
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoticesE2EIT extends OnPlatform {

    static final String PASSWORD = "Minyi-2026-demo";
    static final String BODY = "haikou/longhua";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Map<String, Object> figures = new LinkedHashMap<>();

    @AfterAll
    static void clockBack() throws Exception {
        stack.moveClock(Duration.ZERO);
        stack.stop("feedback-service-2");
        Path out = stack.root().resolve("e2e/target/notices.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    }

    @Test
    @Order(1)
    void aPassedDeadlineBringsMailAndSmsTheNightHoldsTheSmsAndEscalationReachesLeadersAndOffice() throws Exception {
        Mailbox mail = new Mailbox(stack.imapPort());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String code = "e2e-roads-" + suffix;
        String address = "roads-" + suffix + "@longhua.example.gov.cn";
        String phone = "1390755" + String.format("%04d", Math.abs(suffix.hashCode()) % 10_000);
        department(code, "海口市龙华区公路养护中心" + suffix, address, phone);

        String title = "乡道坑洼积水影响出行 " + suffix;
        String id = assigned(title, code, "longhua-housing");
        // the co-handling department's handlers see it unread in their notices
        String handler = api.token("dept-longhua-housing");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode unread = api.get(handler, "/api/notifications?unread=true").body();
            assertThat(unread.get("unread").asLong()).isPositive();
            assertThat(unread.get("items").findValuesAsString("title")).contains("新交办（会办）：《" + title + "》");
        });
        // the office heard of the new report, the leaders of it waiting for their sign-off, by e-mail
        assertThat(mail.await("editor-district", PASSWORD, "新报送：《" + title + "》", Duration.ofSeconds(60)).text())
                .contains("/app/index.html#/queues");
        mail.await("leader-district", PASSWORD, "待签发：《" + title + "》", Duration.ofSeconds(60));
        mail.await(address, address, "新交办（主办）：《" + title + "》", Duration.ofSeconds(60));
        LocalDate deadline = LocalDate.parse(api.get(api.token("editor-district"), "/api/reports/" + id + "/workflow")
                .body().get("deadline").asString());

        // the day after the deadline, 10:00 in China: 催办 by mail and SMS
        long moved = System.nanoTime();
        moveTo(deadline.plusDays(1), LocalTime.of(10, 0));
        Mailbox.Mail overdue = mail.await(address, address, "已逾期", Duration.ofSeconds(90));
        figures.put("clockMovedToOverdueMailMillis", (System.nanoTime() - moved) / 1_000_000);
        assertThat(overdue.subject()).isEqualTo("【民意】催办：《" + title + "》 已逾期");
        assertThat(overdue.text()).contains("已过").contains("/app/index.html#/inbox");
        await().atMost(Duration.ofSeconds(60)).until(() -> sms(phone, "SMS_LOCAL_OVERDUE").size() == 1);

        // 23:00: a manual 催办 mails at once, its SMS is held for 08:00 and the office sees it held
        moveTo(deadline.plusDays(1), LocalTime.of(23, 0));
        String editor = api.token("editor-district");
        JsonNode urged = api.post(editor, "/api/supervision/urge", "{\"reportIds\":[\"" + id + "\"],\"note\":\"请今晚核实现场\"}")
                .body();
        assertThat(urged.get(0).get("urged").asBoolean()).isTrue();
        assertThat(mail.await(address, address, "催办：《" + title + "》", "请今晚核实现场", Duration.ofSeconds(60)).subject())
                .isEqualTo("【民意】催办：《" + title + "》");
        Instant morning = deadline.plusDays(2).atTime(8, 0).atZone(CHINA).toInstant();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode held = held(editor, id);
            assertThat(held).isNotNull();
            assertThat(Instant.parse(held.get("heldUntil").asString())).isEqualTo(morning);
            assertThat(held.get("reason").asString()).isEqualTo("quiet hours");
        });
        assertThat(sms(phone, "SMS_LOCAL_URGED")).as("no SMS at night").isEmpty();
        moveTo(deadline.plusDays(2), LocalTime.of(8, 0, 30));
        await().atMost(Duration.ofSeconds(60)).until(() -> sms(phone, "SMS_LOCAL_URGED").size() == 1);

        // two weeks past the deadline, still no answer: 督办 to the department, the body's leaders and its office
        moveTo(deadline.plusDays(14), LocalTime.of(10, 0));
        assertThat(mail.await(address, address, "督办：《" + title + "》", Duration.ofSeconds(90)).text())
                .contains("请单位负责人督促办理");
        assertThat(mail.await("leader-district", PASSWORD, "督办：《" + title + "》", Duration.ofSeconds(60)).subject())
                .contains("海口市龙华区公路养护中心" + suffix);
        mail.await("editor-district", PASSWORD, "督办：《" + title + "》", Duration.ofSeconds(60));
    }

    @Test
    @Order(2)
    void twoFeedbackInstancesOneKilledInABurstOf200NoticesDeliverEachAsOneMessage() throws Exception {
        stack.startSecondFeedback();
        Mailbox mail = new Mailbox(stack.imapPort());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String code = "e2e-burst-" + suffix;
        String address = "burst-" + suffix + "@longhua.example.gov.cn";
        department(code, "海口市龙华区城市管理局" + suffix, address, null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(assigned("背街小巷照明不足 " + suffix + "-" + i, code));
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> mail.headers(address, address, "新交办").size() == 20);

        String editor = api.token("editor-district");
        String reportIds = ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        long t0 = System.nanoTime();
        boolean killed = false;
        for (int round = 1; round <= 10; round++) {
            JsonNode results = api.post(editor, "/api/supervision/urge", "{\"reportIds\":[" + reportIds
                    + "],\"note\":\"第 " + round + " 轮催办\"}").body();
            results.forEach(r -> assertThat(r.get("urged").asBoolean()).isTrue());
            if (!killed && mail.headers(address, address, "催办").size() >= 20) {
                stack.kill("feedback-service-2"); // kill -9 in the middle of the burst
                killed = true;
                figures.put("killedAfterMails", mail.headers(address, address, "催办").size());
            }
        }
        if (!killed) {
            await().atMost(Duration.ofSeconds(60)).until(() -> mail.headers(address, address, "催办").size() >= 20);
            stack.kill("feedback-service-2");
            figures.put("killedAfterMails", mail.headers(address, address, "催办").size());
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> mail.headers(address, address,
                "催办").stream().map(Mailbox.Header::notification).distinct().count() == 200);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> interrupted = new HashMap<>();
        try (var mongo = MongoClients.create(stack.mongo())) {
            var notices = mongo.getDatabase("minyi-feedback-service").getCollection("notifications");
            await().atMost(Duration.ofMinutes(1)).until(() -> notices.countDocuments(new Document("recipient", "d:" + code)
                    .append("pending", "email")) == 0);
            for (Document d : notices.find(new Document("recipient", "d:" + code).append("kind", "urged"))) {
                Document i = d.get("interrupted", Document.class);
                if (i != null && i.getInteger("email", 0) > 0) {
                    interrupted.put(d.getString("_id"), i.getInteger("email"));
                }
            }
        }
        List<Mailbox.Header> urgedMails = mail.headers(address, address, "催办");
        Map<String, Set<String>> idsPerNotice = urgedMails.stream().collect(Collectors.groupingBy(Mailbox.Header::notification,
                Collectors.mapping(Mailbox.Header::messageId, Collectors.toSet())));
        Map<String, Long> copies = urgedMails.stream().collect(Collectors.groupingBy(Mailbox.Header::notification,
                Collectors.counting()));
        assertThat(idsPerNotice).hasSize(200);
        assertThat(idsPerNotice.values()).as("each notice is one message, however often sent").allMatch(s -> s.size() == 1);
        copies.forEach((notice, n) -> {
            if (n > 1) {
                assertThat(interrupted).as("only a send the crash interrupted reaches the mailbox twice").containsKey(notice);
            }
        });
        assertThat(interrupted.size()).as("one instance killed, one send in flight").isLessThanOrEqualTo(1);
        figures.put("burstNotices", 200);
        figures.put("burstMailsReceived", urgedMails.size());
        figures.put("burstInterruptedSends", interrupted.size());
        figures.put("burstSecondsToLastMail", Math.round(seconds * 10) / 10.0);
    }

    private void department(String code, String name, String email, String phone) throws Exception {
        String admin = api.token("admin");
        var saved = api.put(admin, "/api/departments/" + code, null, "{\"name\":\"" + name + "\",\"shortName\":\"" + name
                + "\",\"org\":\"" + BODY + "\",\"kind\":\"party-government\",\"contactPerson\":\"王主任\",\"email\":\"" + email
                + "\"" + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + ",\"active\":true}");
        assertThat(saved.status()).as(String.valueOf(saved.body())).isBetween(200, 299);
    }

    /** A report of the district written, taken up, signed off and assigned to {@code department}. */
    private String assigned(String title, String department, String... coHandlers) throws Exception {
        String member = api.token("member-district");
        String editor = api.token("editor-district");
        String leader = api.token("leader-district");
        var submitted = api.post(member, "/api/reports", "{\"title\":\"" + title + "\",\"topic\":\"transport\","
                + "\"body\":\"群众反映该路段坑洼多、雨天积水严重，夜间照明不足，存在安全隐患。建议尽快修复并增设路灯。\"}");
        assertThat(submitted.status()).as(String.valueOf(submitted.body())).isBetween(200, 299);
        String id = submitted.body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(editor, "/api/reports/" + id + "/workflow").status() == 200);
        assertThat(api.post(editor, "/api/reports/" + id + "/transitions", "{\"action\":\"start-editing\"}").status()).isBetween(200, 299);
        assertThat(api.post(leader, "/api/reports/" + id + "/transitions", "{\"action\":\"sign-off\"}").status()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.post(editor, "/api/reports/" + id + "/transitions",
                "{\"action\":\"assign\",\"department\":\"" + department + "\",\"coHandlers\":["
                        + java.util.Arrays.stream(coHandlers).map(c -> "\"" + c + "\"").collect(Collectors.joining(","))
                        + "]}").status() / 100 == 2);
        return id;
    }

    private static void moveTo(LocalDate day, LocalTime chinaTime) throws Exception {
        ZonedDateTime target = day.atTime(chinaTime).atZone(CHINA);
        stack.moveClock(Duration.between(Instant.now(), target.toInstant()));
    }

    /** The office's delivery list entry of the report's SMS held back, if any. */
    private static JsonNode held(String editor, String reportId) throws Exception {
        for (JsonNode f : api.get(editor, "/api/notifications/failures").body()) {
            if (reportId.equals(f.path("reportId").asString()) && "sms".equals(f.get("channel").asString())
                    && !f.path("heldUntil").isNull() && !f.path("heldUntil").isMissingNode()) {
                return f;
            }
        }
        return null;
    }

    /** The requests the SMS provider's endpoint received for {@code phone} with {@code template}. */
    private static List<String> sms(String phone, String template) throws Exception {
        List<String> found = new ArrayList<>();
        for (JsonNode r : api.raw("GET", stack.smsRequests(), null, null, null).body().get("requests")) {
            String text = r.get("request").toString();
            if (text.contains(phone) && text.contains(template)) {
                found.add(text);
            }
        }
        return found;
    }
}
