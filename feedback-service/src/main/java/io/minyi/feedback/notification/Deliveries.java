package io.minyi.feedback.notification;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.domain.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends pending notifications on the configured channels. Each notification is stored before it is
 * sent and claimed by one instance for a lease (an atomic update), so two instances never send the same
 * one; a failed send is retried with back-off (30 s, 1, 2, 4 … min) and after the last attempt recorded
 * as failed with its reason. A crash while sending leaves the claim to lapse; the next instance sends the
 * notification again and records that the first attempt was interrupted. Never a loss; a crash in the
 * instant between the provider accepting a message and the store recording it can deliver it twice, as
 * the same message: an e-mail keeps its Message-ID, which mail clients show once.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    static final int ATTEMPTS = 8;

    private final DeliveryQueue queue;
    private final List<NotificationChannel> channels;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();

    Deliveries(DeliveryQueue queue, List<NotificationChannel> channels, MeterRegistry meters, Clock clock,
               @Value("${minyi.notify.channels:email,sms}") List<String> enabled,
               @Value("${minyi.notify.lease:PT2M}") Duration lease) {
        this.queue = queue;
        this.channels = channels.stream().filter(c -> enabled.contains(c.name())).toList();
        this.meters = meters;
        this.clock = clock;
        this.lease = lease;
    }

    /** The channels a new notification waits for. */
    public List<String> channelNames() {
        return channels.stream().map(NotificationChannel::name).toList();
    }

    @Scheduled(fixedDelayString = "${minyi.notify.interval:PT1S}", initialDelayString = "PT5S")
    public void deliver() {
        for (NotificationChannel channel : channels) {
            for (int batch = 0; batch < 10; batch++) {
                List<org.bson.Document> waiting = queue.waiting(channel.name(), clock.instant(), 50);
                for (org.bson.Document candidate : waiting) {
                    Instant now = clock.instant();
                    queue.claim(candidate, instance, now, now.plus(lease))
                            .ifPresent(c -> send(channel, c.notification(), c.interrupted()));
                }
                if (waiting.size() < 50) {
                    break;
                }
            }
        }
    }

    private void send(NotificationChannel channel, Notification n, boolean interrupted) {
        try {
            if (interrupted) {
                meters.counter("minyi.notifications.interrupted", "channel", channel.name()).increment();
            }
            String note = channel.send(n);
            if (queue.delivered(n.id(), channel.name(), instance, clock.instant(), note)) {
                meters.counter("minyi.notifications.sent", "channel", channel.name(), "outcome",
                        note == null ? "sent" : "skipped").increment();
            }
        } catch (NotificationChannel.NotYet later) {
            queue.defer(n.id(), channel.name(), instance, later.until(), later.getMessage());
            meters.counter("minyi.notifications.deferred", "channel", channel.name()).increment();
        } catch (Exception e) {
            int attempt = queue.attempts(n.id(), channel.name()) + 1;
            boolean giveUp = attempt >= ATTEMPTS;
            Instant retry = clock.instant().plus(Duration.ofSeconds(30L << Math.min(attempt - 1, 10)));
            queue.failed(n.id(), channel.name(), instance, String.valueOf(e.getMessage()), attempt, retry, giveUp,
                    clock.instant());
            meters.counter("minyi.notifications.failed", "channel", channel.name(), "final", String.valueOf(giveUp))
                    .increment();
            log.warn("Could not send notification {} by {} (attempt {}{}): {}", n.id(), channel.name(), attempt,
                    giveUp ? ", given up" : "", e.toString());
        }
    }
}
