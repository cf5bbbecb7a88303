package io.minyi.routing.workflow.web;

import io.minyi.contracts.Outcome;
import io.minyi.routing.workflow.WorkflowService;
import io.minyi.routing.workflow.domain.Action;
import io.minyi.routing.workflow.domain.Status;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class WorkflowController {

    private final WorkflowService workflow;
    private final CaseStore cases;

    WorkflowController(WorkflowService workflow, CaseStore cases) {
        this.workflow = workflow;
        this.cases = cases;
    }

    @PostMapping("/api/reports/{id}/transitions")
    CaseView transition(@PathVariable String id, @Valid @RequestBody TransitionRequest request, Caller caller) {
        var command = new WorkflowService.Command(Action.fromWireName(request.action()), request.expectedVersion(),
                request.department(), request.deadline(),
                request.outcome() == null ? null : Outcome.valueOf(request.outcome().toUpperCase().replace('-', '_')),
                request.comment());
        return CaseView.of(workflow.apply(id, command, caller));
    }

    @GetMapping("/api/reports/{id}/workflow")
    CaseView get(@PathVariable String id, Caller caller) {
        return CaseView.of(workflow.get(id, caller));
    }

    /** The office's work list: reports of its body and the bodies below, optionally in one state. */
    @GetMapping("/api/worklist")
    List<CaseView> worklist(@RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "50") int limit, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        Status wanted;
        try {
            wanted = status == null ? null : Status.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-status", "未知的状态：" + status,
                    "Unknown status: " + status);
        }
        return cases.inSubtree(caller.org(), wanted, Math.max(1, Math.min(limit, 200))).stream()
                .map(CaseView::of).toList();
    }
}
