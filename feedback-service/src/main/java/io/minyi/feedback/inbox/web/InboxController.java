package io.minyi.feedback.inbox.web;

import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxStore;
import io.minyi.support.observability.ReportMdc;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A department's inbox: the reports assigned to it, and its answers. */
@RestController
class InboxController {

    private static final Logger log = LoggerFactory.getLogger(InboxController.class);

    private final InboxStore inbox;
    private final Clock clock;

    InboxController(InboxStore inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    record ItemView(String reportId, String org, String title, String body, LocalDate deadline, Instant assignedAt,
                    String state, String stateLabel, String response, String outcome) {
        static ItemView of(InboxItem i) {
            return new ItemView(i.reportId(), i.org().value(), i.title(), i.body(), i.deadline(), i.assignedAt(),
                    i.state().wireName(), i.state().label(), i.response(),
                    i.outcome() == null ? null : i.outcome().name().toLowerCase().replace('_', '-'));
        }
    }

    record ResponseRequest(@NotBlank(message = "{minyi.response.required}")
                           @Size(max = 10000, message = "{minyi.response.size}") String response) {
    }

    @GetMapping("/api/inbox")
    List<ItemView> list(@RequestParam(required = false) String state, Caller caller) {
        String department = department(caller);
        InboxItem.State wanted;
        try {
            wanted = state == null ? null : InboxItem.State.fromWireName(state);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-state", "未知的办理状态：" + state,
                    "Unknown state: " + state);
        }
        return inbox.forDepartment(department, wanted, 200).stream().map(ItemView::of).toList();
    }

    @PostMapping("/api/inbox/{reportId}/response")
    ItemView respond(@PathVariable String reportId, @Valid @RequestBody ResponseRequest request, Caller caller) {
        String department = department(caller);
        InboxItem item = inbox.find(reportId, department)
                .orElseThrow(() -> ApiProblem.notFound("交办件", reportId));
        if (item.state() != InboxItem.State.ASSIGNED) {
            throw alreadyAnswered(item);
        }
        InboxItem.Answer answer = item.respond(caller.as(Roles.DEPARTMENT), request.response().strip(), clock.instant());
        if (!inbox.saveAnswer(answer)) {
            throw alreadyAnswered(item);
        }
        try (var mdc = ReportMdc.of(reportId)) {
            log.info("Department {} answered", department);
        }
        return ItemView.of(answer.next());
    }

    private static ApiProblem alreadyAnswered(InboxItem item) {
        return new ApiProblem(HttpStatus.CONFLICT, "already-answered", "该交办件已答复，不能重复答复。",
                "This item has already been answered.");
    }

    private static String department(Caller caller) {
        caller.requireAnyRole(Roles.DEPARTMENT);
        if (caller.department() == null || caller.department().isBlank()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "department-missing", "您的账号未关联承办单位，请联系管理员。",
                    "Your account is not linked to a department.");
        }
        return caller.department();
    }
}
