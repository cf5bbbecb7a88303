package io.minyi.feedback.notification.sms;

import io.micrometer.core.instrument.MeterRegistry;
import io.minyi.feedback.notification.domain.Notification;
import io.minyi.feedback.notification.domain.NotificationChannel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Notices by SMS for the urgent kinds only (default: a new assignment, the deadline near, overdue, 催办), to
 * the recipient's mobile number (an office's or leaders': each editor's or leader's, in one request), through the provider's registered template of the kind with the report's
 * title and the notice as parameters. Never at night: within the quiet hours a message waits for the
 * morning; a number that got its hourly allowance waits for the next hour. A kind without SMS, a recipient
 * without a mobile number or a kind without a registered template is noted, not retried.
 */
public class SmsChannel implements NotificationChannel {

    /** How many messages one number gets in an hour at most. */
    public interface Allowance {
        /** True when one more message to {@code mobile} fits in the hour starting at {@code hour}. */
        boolean take(String mobile, Instant hour);
    }

    /** A person (or department) a notice reaches and their mobile number. */
    public record Reachable(String person, String mobile) {
    }

    private final SmsProvider provider;
    private final Function<String, List<Reachable>> mobiles;
    private final Map<String, String> templates;
    private final Set<String> kinds;
    private final QuietHours quiet;
    private final Allowance allowance;
    private final Clock clock;
    private final MeterRegistry meters;
    private final java.util.function.BiPredicate<String, String> wanted;

    public SmsChannel(SmsProvider provider, Function<String, List<Reachable>> mobiles, Map<String, String> templates,
                      Set<String> kinds, QuietHours quiet, Allowance allowance, Clock clock, MeterRegistry meters,
                      java.util.function.BiPredicate<String, String> wanted) {
        this.wanted = wanted;
        this.provider = provider;
        this.mobiles = mobiles;
        this.templates = templates;
        this.kinds = kinds;
        this.quiet = quiet;
        this.allowance = allowance;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public String send(Notification n) throws Exception {
        if (!kinds.contains(n.kind())) {
            return "not-an-sms-kind";
        }
        List<Reachable> reachable = mobiles.apply(n.recipient());
        if (reachable.isEmpty()) {
            return "no-mobile";
        }
        List<String> numbers = reachable.stream().filter(r -> wanted.test(r.person(), name())).map(Reachable::mobile)
                .distinct().toList();
        if (numbers.isEmpty()) {
            return "opted-out";
        }
        String template = templates.get(n.kind());
        if (template == null || template.isBlank()) {
            return "no-template";
        }
        Instant now = clock.instant();
        Optional<Instant> morning = quiet.endsAfter(now);
        if (morning.isPresent()) {
            throw new NotYet(morning.get(), "quiet hours");
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        List<String> within = numbers.stream().filter(m -> allowance.take(m, hour)).toList();
        if (within.isEmpty()) {
            throw new NotYet(hour.plus(1, ChronoUnit.HOURS), "hourly allowance of " + String.join(",", numbers) + " used");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("title", SmsText.shortened(n.title(), 20));
        params.put("text", SmsText.shortened(n.text(), 35));
        provider.send(String.join(",", within), template, params); // one request, up to 1,000 numbers
        meters.counter("minyi.sms.segments", "kind", n.kind())
                .increment((double) SmsText.segments(n.title() + n.text()) * within.size());
        return within.size() == numbers.size() ? null : "hourly allowance used: " + (numbers.size() - within.size())
                + " of " + numbers.size() + " numbers skipped";
    }
}
