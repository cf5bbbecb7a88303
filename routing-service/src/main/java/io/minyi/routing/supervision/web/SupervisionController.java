package io.minyi.routing.supervision.web;

import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.workflow.WorkflowService;
import io.minyi.routing.workflow.domain.Action;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import java.util.ArrayList;
import java.util.Locale;
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
    private final WorkflowService workflow;

    SupervisionController(CaseStore cases, WorkingCalendar calendar, Clock clock, WorkflowService workflow) {
        this.workflow = workflow;
        this.cases = cases;
        this.calendar = calendar;
        this.clock = clock;
    }

    record Overdue(String id, String org, String title, String department, LocalDate deadline,
                   int workingDaysOverdue) {
    }

    record UrgeRequest(@NotEmpty(message = "{minyi.urge.reports}") @Size(max = 200, message = "{minyi.urge.reports}")
                       List<@NotBlank String> reportIds,
                       @NotBlank(message = "{minyi.urge.note}") @Size(max = 500, message = "{minyi.urge.note}") String note) {
    }

    /** One report's result: done, or the problem's code and message (the others are done regardless). */
    record UrgeResult(String reportId, boolean urged, String code, String message) {
    }

    /**
     * 催办 many at once (editors of the handling body): each report is urged on its own — an event each, so
     * an audit entry each —; those that cannot be (not assigned, not this body's, unknown) are named with
     * their problem, the rest are done.
     */
    @PostMapping("/api/supervision/urge")
    List<UrgeResult> urge(@Valid @RequestBody UrgeRequest request, Caller caller, Locale locale) {
        caller.requireAnyRole(Roles.EDITOR);
        List<UrgeResult> results = new ArrayList<>();
        for (String id : request.reportIds().stream().distinct().toList()) {
            try {
                workflow.apply(id, new WorkflowService.Command(Action.URGE, null, null, null, null, null, null, null,
                        null, request.note().strip(), null, null, null, null, null), caller);
                results.add(new UrgeResult(id, true, null, null));
            } catch (ApiProblem p) {
                results.add(new UrgeResult(id, false, p.code(), p.toProblemDetail(locale, null).getDetail()));
            }
        }
        return results;
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
