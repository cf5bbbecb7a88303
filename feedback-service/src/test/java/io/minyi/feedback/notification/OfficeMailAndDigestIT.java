package io.minyi.feedback.notification;

import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.mail.Addresses;
import io.minyi.feedback.notification.mail.MailChannel;
import io.minyi.feedback.notification.mail.NoticeTemplates;
import io.minyi.testsupport.MailStandIn;
import io.minyi.testsupport.MinyiServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An office's notice by e-mail reaches every editor of the body in one message, except the editor who turned
 * e-mail off and the one who reads it as the daily digest; the morning's digest gathers that editor's notices
 * into one mail, once however often it runs.
 */
@MinyiServiceIT
class OfficeMailAndDigestIT {

    @Autowired JavaMailSender sender;
    @Autowired NoticeTemplates templates;
    @Autowired Preferences preferences;
    @Autowired DailyDigest digest;
    @Autowired MongoTemplate mongo;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String body = "haikou/longhua/o" + suffix;

    /** The body's editors as Keycloak would list them. */
    final Addresses editors = new Addresses(null, null, null, null, Clock.systemUTC()) {
        @Override
        public List<Person> people(String recipient) {
            return recipient.equals(Notification.office(body)) ? List.of(editor("each"), editor("off"), editor("digest"))
                    : recipient.startsWith("u:") ? List.of(editor(recipient.substring(2 + suffix.length() + 1))) : List.of();
        }
    };

    Addresses.Person editor(String name) {
        return new Addresses.Person("u:" + suffix + "-" + name, Optional.of(address(name)), Optional.empty());
    }

    String address(String name) {
        return name + "-" + suffix + "@haikou.example.gov.cn";
    }

    Notification notice(String title) {
        return new Notification(UUID.randomUUID() + "|o:" + body, Notification.office(body), UUID.randomUUID().toString(),
                "submitted", title, "王委员 报送了社情民意信息，请及时采编。", Instant.now(), false);
    }

    @Test
    void editorsGetOneMessageTheDigestReaderGetsTheDaysNoticesInOneMailOnce() throws Exception {
        preferences.save("u:" + suffix + "-off", new Preferences.Choice(false, true, false), Instant.now());
        preferences.save("u:" + suffix + "-digest", new Preferences.Choice(true, true, true), Instant.now());
        MailChannel mail = new MailChannel(sender, editors, "minyi@minyi.example", "民意", "http://127.0.0.1:8080",
                preferences::allows, templates, digest);

        assertThat(mail.send(notice("新报送：《农贸市场排水不畅》"))).isNull();
        assertThat(mail.send(notice("新报送：《老旧小区加装电梯难》"))).isNull();

        assertThat(MailStandIn.to(address("each"))).hasSize(2);
        assertThat(MailStandIn.to(address("each")).get(0).getSubject()).isEqualTo("【民意】新报送：《农贸市场排水不畅》");
        assertThat(MailStandIn.to(address("off"))).as("turned e-mail off").isEmpty();
        assertThat(MailStandIn.to(address("digest"))).as("held for the digest").isEmpty();

        LocalDate day = LocalDate.now();
        assertThat(digest.send(day)).isGreaterThanOrEqualTo(1);
        String id = "digest|" + day + "|u:" + suffix + "-digest";
        Document stored = mongo.findById(id, Document.class, "notifications");
        assertThat(stored).isNotNull();
        assertThat(stored.getString("title")).endsWith("共 2 条）");
        assertThat(stored.getString("text")).contains("《农贸市场排水不畅》").contains("《老旧小区加装电梯难》");
        assertThat(stored.getList("pending", String.class)).containsExactly("email");

        digest.send(day); // run again, or by a second instance: nothing new
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("recipient").is("u:" + suffix + "-digest")),
                "notifications")).isEqualTo(1);

        Notification theDigest = new Notification(id, "u:" + suffix + "-digest", null, "digest", stored.getString("title"),
                stored.getString("text"), Instant.now(), true);
        assertThat(mail.send(theDigest)).isNull();
        assertThat(MailStandIn.to(address("digest"))).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).startsWith("【民意】每日消息摘要"));
    }
}
