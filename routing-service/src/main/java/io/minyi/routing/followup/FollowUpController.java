package io.minyi.routing.followup;

import io.minyi.contracts.FollowUpCompleted;
import io.minyi.contracts.FollowUpScheduled;
import io.minyi.contracts.ReportStatus;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.WorkflowService;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 回头看: the office of the body handling a report schedules a later review of an answered report (even
 * next year); on the date it is in the office's follow-up queue with what the department promised.
 */
@RestController
class FollowUpController {

    private static final Set<ReportStatus> ANSWERED = EnumSet.of(ReportStatus.RESPONDED, ReportStatus.ADOPTED,
            ReportStatus.NOT_ADOPTED, ReportStatus.CLOSED);

    private final FollowUps followUps;
    private final CaseStore cases;
    private final Clock clock;

    FollowUpController(FollowUps followUps, CaseStore cases, Clock clock) {
        this.followUps = followUps;
        this.cases = cases;
        this.clock = clock;
    }

    record ScheduleRequest(@NotNull(message = "{minyi.follow-up.date.required}") LocalDate date,
                           @Size(max = 2000, message = "{minyi.transition.comment.size}") String note) {
    }

    record CompleteRequest(@NotBlank(message = "{minyi.follow-up.note.required}")
                           @Size(max = 2000, message = "{minyi.transition.comment.size}") String note) {
    }

    record FollowUpView(String reportId, String org, String title, String department, String response,
                        String promisedActions, LocalDate date, String note, String scheduledBy, boolean done,
                        String finding) {
        static FollowUpView of(FollowUps.FollowUp f) {
            return new FollowUpView(f.reportId(), f.org().value(), f.title(), f.department(), f.response(),
                    f.promisedActions(), f.date(), f.note(), f.scheduledBy(), f.done(), f.finding());
        }
    }

    @PostMapping("/api/reports/{id}/follow-up")
    FollowUpView schedule(@PathVariable String id, @Valid @RequestBody ScheduleRequest request, Caller caller) {
        ReportCase c = ownCase(id, caller);
        if (!ANSWERED.contains(c.status())) {
            throw new ApiProblem(HttpStatus.CONFLICT, "not-answered", "该信息尚未答复，不能安排回头看。",
                    "Only an answered report can be reviewed again later.");
        }
        if (!request.date().isAfter(today())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "date-not-future", "回头看日期须晚于今天。",
                    "The review date must be after today.");
        }
        var event = new FollowUpScheduled(UUID.randomUUID(), clock.instant(), id, c.org(), caller.as(Roles.EDITOR),
                request.date(), blankToNull(request.note()));
        followUps.schedule(id, c.org(), c.level(), c.title(), event);
        return get(id, caller);
    }

    @PostMapping("/api/reports/{id}/follow-up/complete")
    FollowUpView complete(@PathVariable String id, @Valid @RequestBody CompleteRequest request, Caller caller) {
        ReportCase c = ownCase(id, caller);
        var event = new FollowUpCompleted(UUID.randomUUID(), clock.instant(), id, c.org(), caller.as(Roles.EDITOR),
                request.note().strip());
        if (!followUps.complete(id, event)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-follow-up", "该信息没有待进行的回头看。",
                    "No review of this report is scheduled.");
        }
        return get(id, caller);
    }

    @GetMapping("/api/reports/{id}/follow-up")
    FollowUpView get(@PathVariable String id, Caller caller) {
        visibleCase(id, caller);
        return followUps.find(id).map(FollowUpView::of)
                .orElseThrow(() -> ApiProblem.notFound("回头看安排", id));
    }

    /** The office's 回头看 queue: with {@code due=true} (default) what is due today or earlier, else all scheduled. */
    @GetMapping("/api/follow-ups")
    List<FollowUpView> scheduled(@RequestParam(defaultValue = "true") boolean due, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return followUps.scheduled(caller.org(), due ? today() : null, 200).stream().map(FollowUpView::of).toList();
    }

    private ReportCase visibleCase(String id, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return cases.find(id).filter(c -> caller.sees(c.org()))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
    }

    /** Only an editor of the body handling the report now schedules and records its reviews. */
    private ReportCase ownCase(String id, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR);
        ReportCase c = visibleCase(id, caller);
        if (!caller.org().equals(c.level())) {
            throw WorkflowService.otherLevel(c);
        }
        return c;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ReportCase.ZONE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
