package io.minyi.feedback.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Deliveries run on a schedule (every instance; each notification is claimed by one). */
@Configuration
@EnableScheduling
class NotificationsConfig {
}
