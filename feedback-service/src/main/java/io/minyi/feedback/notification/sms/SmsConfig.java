package io.minyi.feedback.notification.sms;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.feedback.notification.mail.Addresses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * SMS through Alibaba Cloud 短信服务 when its access key is set ({@code MINYI_SMS_ACCESS_KEY_ID} /
 * {@code _SECRET}, the 签名 {@code MINYI_SMS_SIGN_NAME}, the endpoint {@code minyi.sms.endpoint}, a template
 * code per kind {@code minyi.sms.templates.<kind>}); without it there is no SMS channel.
 */
@Configuration
@ConditionalOnExpression("'${minyi.sms.access-key-id:${MINYI_SMS_ACCESS_KEY_ID:}}' != ''")
class SmsConfig {

    @Bean
    SmsProvider smsProvider(@Value("${minyi.sms.endpoint:dysmsapi.aliyuncs.com}") String endpoint,
                            @Value("${minyi.sms.protocol:HTTPS}") String protocol,
                            @Value("${minyi.sms.access-key-id:${MINYI_SMS_ACCESS_KEY_ID:}}") String keyId,
                            @Value("${minyi.sms.access-key-secret:${MINYI_SMS_ACCESS_KEY_SECRET:}}") String secret,
                            @Value("${minyi.sms.sign-name:${MINYI_SMS_SIGN_NAME:}}") String signName) throws Exception {
        return new AliyunSms(endpoint, protocol, keyId, secret, signName);
    }

    @Bean
    SmsChannel smsChannel(SmsProvider provider, Addresses addresses, MongoTemplate mongo, Clock clock, MeterRegistry meters,
                          Environment env,
                          @Value("${minyi.sms.kinds:assigned,due-soon,overdue,urged,escalated}") List<String> kinds,
                          @Value("${minyi.sms.per-hour:5}") int perHour,
                          @Value("${minyi.sms.quiet-from:22:00}") String quietFrom,
                          @Value("${minyi.sms.quiet-to:08:00}") String quietTo,
                          io.minyi.feedback.notification.Preferences preferences) {
        Map<String, String> templates = Binder.get(env).bind("minyi.sms.templates",
                org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new SmsChannel(provider, recipient -> addresses.people(recipient).stream()
                        .flatMap(p -> p.mobile().map(m -> new SmsChannel.Reachable(p.recipient(), m)).stream()).toList(),
                templates, new HashSet<>(kinds),
                new QuietHours(LocalTime.parse(quietFrom), LocalTime.parse(quietTo)), new MongoAllowance(mongo, perHour),
                clock, meters, preferences::allows);
    }
}
