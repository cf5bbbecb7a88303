package io.minyi.routing.supervision.web;

import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The office's overdue list (逾期督办): assignments of its body and below past their deadline. */
@RestController
class SupervisionController {

    private final CaseStore cases;
    private final WorkingCalendar calendar;
    private final Clock clock;

    SupervisionController(CaseStore cases, WorkingCalendar calendar, Clock clock) {
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    record Overdue(String id, String org, String title, String department, LocalDate deadline,
                   int workingDaysOverdue) {
    }

    @GetMapping("/api/supervision/overdue")
    List<Overdue> overdue(@RequestParam(defaultValue = "100") int limit, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ReportCase.ZONE);
        return cases.overdue(caller.org(), today, Math.max(1, Math.min(limit, 500))).stream()
                .map(c -> new Overdue(c.id(), c.org().value(), c.title(), c.assignment().department(),
                        c.assignment().deadline(), calendar.workingDaysBetween(c.assignment().deadline(), today)))
                .toList();
    }
}
