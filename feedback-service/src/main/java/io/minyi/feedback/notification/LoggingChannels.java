package io.minyi.feedback.notification;

import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.domain.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The SMS channel until a provider's SDK lands (issue 18): it logs what it would send. E-mail is real
 * ({@code mail.MailChannel}). {@code minyi.notify.channels} names the channels in use.
 */
@Configuration
@EnableScheduling
class LoggingChannels {

    private static final Logger log = LoggerFactory.getLogger(LoggingChannels.class);

    @Bean
    @ConditionalOnMissingBean(name = "smsChannel")
    NotificationChannel smsChannel() {
        return logging("sms");
    }

    static NotificationChannel logging(String name) {
        return new NotificationChannel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String send(Notification n) {
                log.info("[{}] to {}: {} — {}", name, n.recipient(), n.title(), n.text());
                return null;
            }
        };
    }
}
