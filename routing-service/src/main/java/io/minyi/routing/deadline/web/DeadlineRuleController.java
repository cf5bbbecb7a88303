package io.minyi.routing.deadline.web;

import io.minyi.contracts.ChinaTime;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.deadline.DeadlineRuleAdmin;
import io.minyi.routing.deadline.DeadlineRules;
import io.minyi.routing.deadline.domain.DeadlineRule;
import io.minyi.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 办理时限 per body, urgency and optionally topic: administrators keep them, the office reads them and
 * sees which applies (and the dates it gives today) when it assigns.
 */
@RestController
class DeadlineRuleController {

    private final DeadlineRuleAdmin admin;
    private final WorkingCalendar calendar;
    private final Clock clock;

    DeadlineRuleController(DeadlineRuleAdmin admin, WorkingCalendar calendar, Clock clock) {
        this.admin = admin;
        this.calendar = calendar;
        this.clock = clock;
    }

    record RuleRequest(String org,
                       @Pattern(regexp = "\\*|[a-z0-9][a-z0-9-]{0,63}", message = "{minyi.rule.topic.syntax}") String topic,
                       Integer veryUrgentDays, Integer urgentDays, Integer normalDays) {
    }

    record RuleView(String org, String topic, int veryUrgentDays, int urgentDays, int normalDays, String updatedBy,
                    Instant updatedAt) {
        static RuleView of(DeadlineRule r, String by, Instant at) {
            return new RuleView(r.org().value(), r.topic(), r.veryUrgentDays(), r.urgentDays(), r.normalDays(), by, at);
        }
    }

    /** The rule that applies; {@code org} null when it is the platform default; {@code due}: the dates it gives if assigned today. */
    record Applying(String org, String topic, int veryUrgentDays, int urgentDays, int normalDays, boolean platformDefault,
                    Map<String, LocalDate> due) {
    }

    record Listing(Applying platformDefault, List<RuleView> rules) {
    }

    @GetMapping("/api/deadline-rules")
    Listing rules(Caller caller) {
        return new Listing(view(admin.platformDefault()), admin.rules(caller).stream()
                .map(s -> RuleView.of(s.rule(), s.updatedBy(), s.updatedAt())).toList());
    }

    @GetMapping("/api/deadline-rules/applying")
    Applying applying(@RequestParam(required = false) String org, @RequestParam(required = false) String topic,
                      Caller caller) {
        return view(admin.applying(org, topic, caller));
    }

    /** Adds or replaces a body's rule ({@code org}, default the caller's) for a topic ({@code *} or absent: any). */
    @PutMapping("/api/deadline-rules")
    RuleView save(@Valid @RequestBody RuleRequest r, Caller caller) {
        DeadlineRule rule = admin.save(r.org(), r.topic(), r.veryUrgentDays(), r.urgentDays(), r.normalDays(), caller);
        return RuleView.of(rule, caller.username(), clock.instant());
    }

    @DeleteMapping("/api/deadline-rules")
    ResponseEntity<Void> delete(@RequestParam(required = false) String org, @RequestParam(required = false) String topic,
                                Caller caller) {
        admin.delete(org, topic, caller);
        return ResponseEntity.noContent().build();
    }

    private Applying view(DeadlineRules.Days d) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        return new Applying(d.source() == null ? null : d.source().value(), d.topic(), d.veryUrgentDays(),
                d.urgentDays(), d.normalDays(), d.source() == null, Map.of(
                "very-urgent", calendar.plusWorkingDays(today, d.veryUrgentDays()),
                "urgent", calendar.plusWorkingDays(today, d.urgentDays()),
                "normal", calendar.plusWorkingDays(today, d.normalDays())));
    }
}
