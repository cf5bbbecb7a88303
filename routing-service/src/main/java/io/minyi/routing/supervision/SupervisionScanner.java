package io.minyi.routing.supervision;

import io.minyi.contracts.Actor;
import io.minyi.contracts.AssignmentDueSoon;
import io.minyi.contracts.AssignmentOverdue;
import io.minyi.contracts.AssignmentEscalated;
import io.minyi.contracts.ReportEvent;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.supervision.domain.Reminders;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.observability.ReportMdc;
import io.minyi.support.outbox.PendingEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The supervision timers (督办): every minute, assignments awaiting an answer whose deadline is near or
 * past get their reminder event. The timer state is in each case document (which reminder was sent
 * for which deadline) and is set together with the event by one conditional update, so a restart
 * loses nothing and two instances scanning at once send each reminder once.
 */
@Component
public class SupervisionScanner {

    private static final Logger log = LoggerFactory.getLogger(SupervisionScanner.class);
    /** Deadlines further ahead than this (in calendar days) cannot be due soon; they are not read. */
    private static final int HORIZON_DAYS = 31;

    private final CaseStore cases;
    private final WorkingCalendar calendar;
    private final Reminders reminders;
    private final Clock clock;
    private final Counter sent;

    public SupervisionScanner(CaseStore cases, WorkingCalendar calendar, Reminders reminders, Clock clock,
                              MeterRegistry meters) {
        this.cases = cases;
        this.calendar = calendar;
        this.reminders = reminders;
        this.clock = clock;
        this.sent = Counter.builder("minyi.supervision.reminders").register(meters);
    }

    /** Every period, on one replica at a time: the reminders due now. */
    @Scheduled(fixedDelayString = "${minyi.supervision.scan-interval:PT1M}", initialDelayString = "${minyi.supervision.initial-delay:PT10S}")
    @SchedulerLock(name = "supervision-scan", lockAtLeastFor = "${minyi.supervision.scan-interval:PT1M}",
            lockAtMostFor = "${minyi.supervision.lease-at-most-for:PT2M}")
    void scanScheduled() {
        scan();
    }

    /** Sends the reminders due now; returns how many this call sent. */
    public int scan() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ReportCase.ZONE);
        int count = 0;
        for (ReportCase c : cases.awaitingAnswerDueBy(today.plusDays(HORIZON_DAYS))) {
            LocalDate deadline = c.assignment().deadline();
            var kind = reminders.due(deadline, today, calendar);
            if (kind.isPresent() && cases.markReminder(c.id(), kind.get().name(), deadline,
                    PendingEvent.of(event(c, kind.get(), today, now)))) {
                count++;
                sent.increment();
                try (var mdc = ReportMdc.of(c.id())) {
                    log.info("{} reminder for {} (deadline {})", kind.get(), c.assignment().department(), deadline);
                }
            }
        }
        return count;
    }

    private ReportEvent event(ReportCase c, Reminders.Kind kind, LocalDate today, Instant now) {
        String department = c.assignment().department();
        LocalDate deadline = c.assignment().deadline();
        return switch (kind) {
            case DUE_SOON -> new AssignmentDueSoon(UUID.randomUUID(), now, c.id(), c.org(), Actor.SYSTEM, department,
                    deadline, reminders.workingDaysLeft(deadline, today, calendar));
            case OVERDUE -> new AssignmentOverdue(UUID.randomUUID(), now, c.id(), c.org(), Actor.SYSTEM, department,
                    deadline);
            case ESCALATED -> new AssignmentEscalated(UUID.randomUUID(), now, c.id(), c.org(), Actor.SYSTEM, department,
                    deadline, reminders.workingDaysOverdue(deadline, today, calendar));
        };
    }
}
