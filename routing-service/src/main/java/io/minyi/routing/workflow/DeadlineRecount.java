package io.minyi.routing.workflow;

import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.reference.ReferenceChangeHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A holiday or 调休 working weekend declared after a report was assigned moves its deadline: when the
 * administrator changes a calendar year (once across this service's instances, after the calendar took
 * it in), every open assignment whose deadline the rules counted is counted again, and those that fall
 * on another date get it with an {@code assignment.deadline-recomputed} event. The same count runs at
 * start, so a crash in the middle loses nothing; a count that finds nothing to move changes nothing.
 */
@Component
class DeadlineRecount implements ReferenceChangeHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadlineRecount.class);

    private final CaseStore cases;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final Counter moved;

    DeadlineRecount(CaseStore cases, WorkingCalendar calendar, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
        this.moved = Counter.builder("minyi.deadlines.recomputed")
                .description("Deadlines moved because the working calendar changed").register(meters);
    }

    @Override
    public void changed(ReferenceEvent event) {
        if (event instanceof CalendarChanged year) {
            recount(year.year());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        recount(null);
    }

    /** How many deadlines moved. */
    int recount(Integer year) {
        int count = 0;
        for (ReportCase c : cases.awaitingAnswerWithTerm()) {
            count += recountOne(c, year) ? 1 : 0;
        }
        if (count > 0) {
            log.info("Working calendar {}: {} deadlines recomputed", year == null ? "at start" : year, count);
        }
        return count;
    }

    /** One case; when someone changed it meanwhile, once more from what is stored now. */
    private boolean recountOne(ReportCase c, Integer year) {
        for (int attempt = 0; attempt < 2; attempt++) {
            var decision = c.recountDeadline(calendar, year, clock.instant());
            if (decision.isEmpty()) {
                return false;
            }
            if (cases.save(decision.get())) {
                moved.increment();
                return true;
            }
            var reread = cases.find(c.id());
            if (reread.isEmpty()) {
                return false;
            }
            c = reread.get();
        }
        return false;
    }
}
