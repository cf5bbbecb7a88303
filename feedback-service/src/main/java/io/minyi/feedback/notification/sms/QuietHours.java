package io.minyi.feedback.notification.sms;

import io.minyi.contracts.ChinaTime;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** No SMS at night (default 22:00–08:00 China time): a message due then waits for the morning. */
public record QuietHours(LocalTime from, LocalTime to) {

    public static final ZoneId CHINA = ChinaTime.ZONE;

    /** When the quiet hours around {@code now} end, if {@code now} is within them. */
    public Optional<Instant> endsAfter(Instant now) {
        ZonedDateTime local = now.atZone(CHINA);
        LocalTime t = local.toLocalTime();
        boolean quiet = from.isAfter(to) ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime end = local.with(to).withSecond(0).withNano(0);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return Optional.of(end.toInstant());
    }
}
