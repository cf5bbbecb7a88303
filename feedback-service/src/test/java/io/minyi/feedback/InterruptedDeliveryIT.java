package io.minyi.feedback;

import io.minyi.contracts.OrgPath;
import io.minyi.feedback.notification.Deliveries;
import io.minyi.feedback.notification.Notifications;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.mail.MailChannel;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.testsupport.MailStandIn;
import io.minyi.testsupport.MinyiServiceIT;
import io.minyi.testsupport.ReferenceSeed;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance that crashed while sending leaves its claim to lapse: another instance sends the notice, as the
 * same message (its Message-ID), and records that the first attempt was interrupted.
 */
@MinyiServiceIT
class InterruptedDeliveryIT {

    @Autowired Notifications notifications;
    @Autowired Deliveries deliveries;
    @Autowired MailChannel mail;
    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired ReferenceReplica replica;

    @Test
    void aSendInterruptedByACrashIsTakenOverOnceTheClaimLapsesAndKeepsItsMessageId() throws Exception {
        String code = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String address = code + "@longhua.example.gov.cn";
        ReferenceSeed.publish(kafka, replica, List.of(NoticeFixtures.department(code, "龙华区应急管理局", "haikou/longhua",
                address)));
        Notification n = new Notification(UUID.randomUUID() + "|d:" + code, Notification.department(code),
                UUID.randomUUID().toString(), "urged", "催办：《台风后行道树倒伏未清理》", "请尽快办理。", Instant.now(), false);
        // an instance claimed it and crashed in the middle of sending; its claim lapses in a second
        mongo.insert(new Document("_id", n.id() + "|email").append("notification", n.id()).append("channel", "email")
                .append("at", Date.from(n.at())).append("claim", new Document("by", "crashed-instance")
                        .append("until", Date.from(Instant.now().plusSeconds(1))).append("sending", new Date())),
                "notify_queue");
        notifications.add(n, List.of("email"), OrgPath.of("haikou/longhua"));

        await().pollInterval(java.time.Duration.ofMillis(200)).untilAsserted(() -> {
            deliveries.deliver();
            assertThat(MailStandIn.to(address)).hasSize(1);
        });
        assertThat(MailStandIn.to(address).get(0).getMessageID()).isEqualTo(mail.messageId(n));
        Document after = mongo.findById(n.id(), Document.class, "notifications");
        assertThat(after.getList("pending", String.class)).isEmpty();
        assertThat(after.get("interrupted", Document.class).getInteger("email")).isEqualTo(1);
        deliveries.deliver();
        assertThat(MailStandIn.to(address)).as("sent, then never again").hasSize(1);
    }
}
