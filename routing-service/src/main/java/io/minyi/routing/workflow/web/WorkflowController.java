package io.minyi.routing.workflow.web;

import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.FileRef;
import io.minyi.contracts.LeaderLevel;
import io.minyi.routing.reopen.ReopenRequests;

import io.minyi.contracts.Outcome;
import io.minyi.routing.workflow.WorkflowService;
import io.minyi.routing.assignment.Departments;
import io.minyi.routing.workflow.domain.Action;
import io.minyi.routing.workflow.domain.Contributor;
import io.minyi.routing.workflow.domain.Instruction;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.domain.Revision;
import io.minyi.contracts.ReportStatus;
import io.minyi.routing.workflow.domain.TextDiff;
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

import java.util.Arrays;
import java.util.List;

@RestController
class WorkflowController {

    private final WorkflowService workflow;
    private final CaseStore cases;

    private final ReopenRequests reopens;

    private final Departments departments;

    WorkflowController(WorkflowService workflow, CaseStore cases, ReopenRequests reopens, Departments departments) {
        this.departments = departments;
        this.reopens = reopens;
        this.workflow = workflow;
        this.cases = cases;
    }

    @PostMapping("/api/reports/{id}/transitions")
    CaseView transition(@PathVariable String id, @Valid @RequestBody TransitionRequest r, Caller caller) {
        var command = new WorkflowService.Command(Action.fromWireName(r.action()), r.expectedVersion(),
                r.department(), r.coHandlers(), r.rank(), r.ordersAssignment(), r.approved(), r.deadline(),
                r.outcome() == null ? null : Outcome.valueOf(r.outcome().toUpperCase().replace('-', '_')),
                r.comment(), r.into(), new WorkflowService.Changes(r.title(), r.body(), r.topic(), r.sector(),
                r.urgency()), r.note(),
                r.adoptionLevel() == null ? null : AdoptionLevel.fromWireName(r.adoptionLevel()), r.evidence(),
                new WorkflowService.Paper(r.leaderName(), r.leaderLevel() == null ? null : LeaderLevel.fromWireName(r.leaderLevel()),
                        r.givenOn(), r.scan() == null ? null : new FileRef(r.scan().id(), r.scan().name(),
                        r.scan().contentType(), r.scan().size(), r.scan().sha256())));
        return view(workflow.apply(id, command, caller), caller, List.of(), List.of());
    }

    @GetMapping("/api/reports/{id}/workflow")
    CaseView get(@PathVariable String id, Caller caller) {
        return view(workflow.get(id, caller), caller, cases.contributors(id), cases.instructions(id));
    }

    /** Every version of the content, the author's original first. */
    @GetMapping("/api/reports/{id}/revisions")
    List<RevisionView> revisions(@PathVariable String id, Caller caller) {
        workflow.get(id, caller);
        return cases.revisions(id).stream().map(RevisionView::of).toList();
    }

    record DiffView(int from, int to, List<TextDiff.Piece> title, List<TextDiff.Piece> body) {
    }

    /** What changed between two versions, sentence by sentence. */
    @GetMapping("/api/reports/{id}/revisions/diff")
    DiffView diff(@PathVariable String id, @RequestParam int from, @RequestParam int to, Caller caller) {
        workflow.get(id, caller);
        List<Revision> all = cases.revisions(id);
        Revision a = revision(all, from);
        Revision b = revision(all, to);
        return new DiffView(from, to, TextDiff.of(a.content().title(), b.content().title()),
                TextDiff.of(a.content().body(), b.content().body()));
    }

    /**
     * The office's work list: {@code scope=subtree} (default) the reports of its body and the bodies
     * below; {@code scope=queue} those its own body handles now (including those forwarded up to it);
     * optionally in one state.
     */
    @GetMapping("/api/worklist")
    List<CaseView> worklist(@RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "subtree") String scope,
                            @RequestParam(defaultValue = "50") int limit, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        ReportStatus wanted;
        try {
            wanted = status == null ? null : ReportStatus.fromWireName(status);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-status", "未知的状态：" + status,
                    "Unknown status: " + status);
        }
        if (!scope.equals("subtree") && !scope.equals("queue")) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-scope", "scope 只能是 subtree（本级及下级）或 queue（本级待办）。",
                    "scope must be subtree or queue.");
        }
        return cases.list(caller.org(), scope.equals("queue"), wanted, Math.max(1, Math.min(limit, 200))).stream()
                .map(c -> view(c, caller, List.of(), List.of())).toList();
    }

    private static Revision revision(List<Revision> all, int number) {
        return all.stream().filter(r -> r.number() == number).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("版本", String.valueOf(number)));
    }

    private CaseView view(ReportCase c, Caller caller, List<Contributor> merged, List<Instruction> instructions) {
        return CaseView.of(c, Arrays.stream(Action.values())
                .filter(a -> a.from().contains(c.status()) && mayTake(a, c, caller))
                .filter(a -> a != Action.DECIDE_REOPEN || reopens.pending(c.id()).isPresent())
                .map(Action::wireName).toList(), merged, instructions, departments::name);
    }

    private static boolean mayTake(Action action, ReportCase c, Caller caller) {
        return switch (action.who()) {
            case EDITOR -> caller.hasRole(Roles.EDITOR) && caller.org().equals(c.level());
            case LEADER -> caller.hasRole(Roles.LEADER) && caller.org().equals(c.level());
            case AUTHOR -> caller.id().equals(c.author().id());
        };
    }
}
