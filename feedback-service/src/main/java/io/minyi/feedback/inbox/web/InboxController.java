package io.minyi.feedback.inbox.web;

import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxStore;
import io.minyi.support.observability.ReportMdc;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
                    String state, String stateLabel, String response, String outcome, String role, String roleLabel,
                    LocalDate extensionAsked, String officeComment) {
        static ItemView of(InboxItem i) {
            return new ItemView(i.reportId(), i.org().value(), i.title(), i.body(), i.deadline(), i.assignedAt(),
                    i.state().wireName(), i.state().label(), i.response(),
                    i.outcome() == null ? null : i.outcome().name().toLowerCase().replace('_', '-'),
                    i.role().wireName(), i.role().label(), i.extensionAsked(), i.officeComment());
        }
    }

    record BounceRequest(@NotBlank(message = "{minyi.bounce.reason.required}")
                         @Size(max = 2000, message = "{minyi.reason.size}") String reason) {
    }

    record ExtensionRequest(@NotNull(message = "{minyi.extension.deadline.required}") LocalDate deadline,
                            @NotBlank(message = "{minyi.extension.reason.required}")
                            @Size(max = 2000, message = "{minyi.reason.size}") String reason) {
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
        return act(reportId, caller, (item, handler) -> item.respond(handler, request.response().strip(),
                clock.instant()));
    }

    /** 办理: the department takes the item up (it can no longer bounce it then). */
    @PostMapping("/api/inbox/{reportId}/accept")
    ItemView accept(@PathVariable String reportId, Caller caller) {
        return act(reportId, caller, (item, handler) -> item.accept(handler, clock.instant()));
    }

    /** 退回/申请改派: not this department's matter; the office re-assigns it. */
    @PostMapping("/api/inbox/{reportId}/bounce")
    ItemView bounce(@PathVariable String reportId, @Valid @RequestBody BounceRequest request, Caller caller) {
        return act(reportId, caller, (item, handler) -> item.bounce(handler, request.reason().strip(), clock.instant()));
    }

    /** 申请延期: asks the office for a later deadline; reminders wait until it decides. */
    @PostMapping("/api/inbox/{reportId}/extension")
    ItemView extension(@PathVariable String reportId, @Valid @RequestBody ExtensionRequest request, Caller caller) {
        return act(reportId, caller, (item, handler) -> {
            try {
                return item.askForExtension(handler, request.deadline(), request.reason().strip(), clock.instant());
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "deadline-not-later", "申请的期限须晚于现有期限 "
                        + item.deadline() + "。", "The deadline asked for must be later than " + item.deadline() + ".");
            }
        });
    }

    private ItemView act(String reportId, Caller caller,
                         java.util.function.BiFunction<InboxItem, io.minyi.contracts.Actor, InboxItem.Step> step) {
        String department = department(caller);
        InboxItem item = inbox.find(reportId, department)
                .orElseThrow(() -> ApiProblem.notFound("交办件", reportId));
        InboxItem.Step next;
        try {
            next = step.apply(item, caller.as(Roles.DEPARTMENT));
        } catch (InboxItem.NotTheLead e) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-lead", "会办单位不能答复、退回或申请延期，请由主办单位办理。",
                    "Only the lead department answers, bounces or asks for more time.");
        } catch (IllegalStateException e) {
            throw notOpen(item);
        }
        if (!inbox.save(next, item)) {
            throw notOpen(item);
        }
        try (var mdc = ReportMdc.of(reportId)) {
            log.info("Department {}: {}", department, next.event().eventType());
        }
        return ItemView.of(next.next());
    }

    private static ApiProblem notOpen(InboxItem item) {
        if (item.extensionAsked() != null
                && (item.state() == InboxItem.State.ASSIGNED || item.state() == InboxItem.State.HANDLING)) {
            return new ApiProblem(HttpStatus.CONFLICT, "extension-pending", "已有延期申请等待审批。",
                    "An extension request is waiting for the office already.");
        }
        return new ApiProblem(HttpStatus.CONFLICT, "already-handled", "该交办件当前为“" + item.state().label()
                + "”，不能再办理。", "This item is " + item.state().wireName() + " and cannot be handled again.");
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
