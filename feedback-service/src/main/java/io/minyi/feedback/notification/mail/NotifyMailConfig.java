package io.minyi.feedback.notification.mail;

import io.minyi.support.reference.ReferenceReplica;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/** E-mail notices through the platform's SMTP settings ({@code spring.mail.*}: MINYI_SMTP_HOST / MINYI_SMTP_PORT …). */
@Configuration
class NotifyMailConfig {

    static {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader scan of the class path on every
        // message, body part and encoded header (jakartaee/mail-api#861): ~20 ms of CPU per mail in a Boot jar.
        // Named here, it is one loaded-class lookup.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider",
                "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    @Bean(destroyMethod = "close")
    Addresses mailAddresses(ReferenceReplica replica, Clock clock,
                            @Value("${minyi.notify.accounts.enabled:true}") boolean accounts,
                            @Value("${MINYI_ISSUER_BACKCHANNEL_URI:${spring.security.oauth2.resourceserver.jwt.issuer-uri}}") String realmUrl,
                            @Value("${minyi.notify.client-id:minyi-notify}") String clientId,
                            @Value("${minyi.notify.client-secret:${MINYI_NOTIFY_CLIENT_SECRET:minyi-notify-dev-secret}}") String secret) {
        return new Addresses(replica, accounts ? realmUrl : null, clientId, secret, clock);
    }

    @Bean
    MailChannel emailChannel(JavaMailSender sender, Addresses addresses,
                             @Value("${minyi.notify.mail.from:${MINYI_MAIL_FROM:minyi@minyi.example}}") String from,
                             @Value("${minyi.notify.mail.from-name:民意 · 社情民意信息平台}") String fromName,
                             @Value("${MINYI_PUBLIC_URL:http://127.0.0.1:8080}") String publicUrl,
                             io.minyi.feedback.notification.Preferences preferences, NoticeTemplates templates,
                             MailChannel.Digest digest) {
        return new MailChannel(sender, addresses, from, fromName, publicUrl, preferences::allows, templates, digest);
    }

    @Bean
    NoticeTemplates noticeTemplates(org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new NoticeTemplates(mongo);
    }
}
