package io.minyi.feedback.notification.sms;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.domain.NotificationChannel;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsChannelTest {

    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0));
    final List<String> sent = new ArrayList<>();
    final Map<String, Integer> used = new HashMap<>();
    final SmsProvider provider = (mobile, template, params) -> {
        sent.add(mobile + " " + template + " " + params);
        return "biz-1";
    };

    SmsChannel channel(String chinaTime, int perHour) {
        Instant now = ZonedDateTime.parse(chinaTime + "+08:00[Asia/Shanghai]").toInstant();
        return new SmsChannel(provider, r -> switch (r) {
                    case "d:roads" -> List.of(new SmsChannel.Reachable(r, "13800138000"));
                    case "l:haikou" -> List.of(new SmsChannel.Reachable("u:lead-1", "13900139001"),
                            new SmsChannel.Reachable("u:quiet", "13900139002"), new SmsChannel.Reachable("u:lead-3", "13900139003"));
                    default -> List.of();
                },
                Map.of("overdue", "SMS_100", "assigned", "SMS_101"), Set.of("overdue", "assigned"), NIGHT,
                (mobile, hour) -> used.merge(mobile + hour, 1, Integer::sum) <= perHour, Clock.fixed(now, QuietHours.CHINA),
                new SimpleMeterRegistry(), (recipient, channel) -> !recipient.equals("u:quiet"));
    }

    static Notification notice(String recipient, String kind) {
        return new Notification("n-1", recipient, "r-1", kind, "催办：《乡道坑洼多，雨天积水严重影响群众出行安全》 已逾期",
                "办理期限 2026年12月10日 已过，请尽快办理答复；确需延期的请提出延期申请。", Instant.EPOCH, false);
    }

    @Test
    void anUrgentNoticeGoesToTheMobileWithTheKindsTemplateAndShortParameters() throws Exception {
        assertThat(channel("2026-12-11T10:00:00", 5).send(notice("d:roads", "overdue"))).isNull();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).startsWith("13800138000 SMS_100 ").contains("title=催办：《乡道坑洼多，雨天积水严重影响群…,");
    }

    @Test
    void atNightItWaitsForTheMorningChinaTime() {
        assertThatThrownBy(() -> channel("2026-12-11T23:30:00", 5).send(notice("d:roads", "overdue")))
                .isInstanceOf(NotificationChannel.NotYet.class)
                .satisfies(e -> assertThat(((NotificationChannel.NotYet) e).until())
                        .isEqualTo(ZonedDateTime.parse("2026-12-12T08:00:00+08:00[Asia/Shanghai]").toInstant()));
        assertThatThrownBy(() -> channel("2026-12-12T07:59:00", 5).send(notice("d:roads", "overdue")))
                .satisfies(e -> assertThat(((NotificationChannel.NotYet) e).until())
                        .isEqualTo(ZonedDateTime.parse("2026-12-12T08:00:00+08:00[Asia/Shanghai]").toInstant()));
        assertThat(sent).isEmpty();
    }

    @Test
    void aNumberThatHadItsHourlyAllowanceWaitsForTheNextHour() throws Exception {
        SmsChannel sms = channel("2026-12-11T10:20:00", 1);
        sms.send(notice("d:roads", "overdue"));
        assertThatThrownBy(() -> sms.send(notice("d:roads", "assigned")))
                .satisfies(e -> assertThat(((NotificationChannel.NotYet) e).until())
                        .isEqualTo(ZonedDateTime.parse("2026-12-11T11:00:00+08:00[Asia/Shanghai]").toInstant()));
        assertThat(sent).hasSize(1);
    }

    @Test
    void theLeadersOfABodyAreTextedInOneRequestExceptThoseWhoTurnedSmsOff() throws Exception {
        assertThat(channel("2026-12-11T10:00:00", 5).send(notice("l:haikou", "overdue"))).isNull();
        assertThat(sent).singleElement().asString().startsWith("13900139001,13900139003 SMS_100 ");
    }

    @Test
    void otherKindsNoMobileOrNoTemplateAreNotedNotRetried() throws Exception {
        SmsChannel sms = channel("2026-12-11T10:00:00", 5);
        assertThat(sms.send(notice("d:roads", "closed"))).isEqualTo("not-an-sms-kind");
        assertThat(sms.send(notice("u:someone", "overdue"))).isEqualTo("no-mobile");
        assertThat(sent).isEmpty();
    }

    @Test
    void seventyCharactersFitOneMessageLongerOnesGoInPartsOf67() {
        assertThat(SmsText.segments("字".repeat(70))).isEqualTo(1);
        assertThat(SmsText.segments("字".repeat(71))).isEqualTo(2);
        assertThat(SmsText.segments("字".repeat(134))).isEqualTo(2);
        assertThat(SmsText.segments("字".repeat(135))).isEqualTo(3);
    }
}
