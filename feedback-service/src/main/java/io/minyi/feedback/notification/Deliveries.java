package io.minyi.feedback.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.domain.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/** Sends pending notifications on the configured channels; a channel that fails is tried again next round. */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final Notifications notifications;
    private final List<NotificationChannel> channels;
    private final MeterRegistry meters;

    Deliveries(Notifications notifications, List<NotificationChannel> channels, MeterRegistry meters,
               @Value("${minyi.notify.channels:email,sms}") List<String> enabled) {
        this.notifications = notifications;
        this.channels = channels.stream().filter(c -> enabled.contains(c.name())).toList();
        this.meters = meters;
    }

    /** The channels a new notification waits for. */
    public List<String> channelNames() {
        return channels.stream().map(NotificationChannel::name).toList();
    }

    @Scheduled(fixedDelayString = "${minyi.notify.interval:PT5S}", initialDelayString = "PT5S")
    public void deliver() {
        for (NotificationChannel channel : channels) {
            for (Notification n : notifications.pendingOn(channel.name(), 200)) {
                try {
                    channel.send(n);
                    notifications.delivered(n.id(), channel.name());
                    meters.counter("minyi.notifications.sent", "channel", channel.name()).increment();
                } catch (Exception e) {
                    meters.counter("minyi.notifications.failed", "channel", channel.name()).increment();
                    log.warn("Could not send notification {} by {}: {}", n.id(), channel.name(), e.toString());
                    break;
                }
            }
        }
    }
}
