package io.minyi.routing.bulk;

import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.WireNamed;
import io.minyi.contracts.audit.AuditEvent;
import io.minyi.routing.bulletin.Bulletins;
import io.minyi.routing.queue.Queues;
import io.minyi.routing.workflow.WorkflowService;
import io.minyi.routing.workflow.domain.Action;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.audit.AuditLog;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 批量操作: one action on many reports of the caller's queues, chosen one by one or as "all that match"
 * a queue's filter. Each report is acted on by itself, through the same checks and the same atomic write
 * as a single action (so an event and an audit entry each); those that cannot be are named with their
 * problem and the rest are done.
 */
@Service
public class BulkActions {

    /** At most this many reports in one action, so that one request stays well under a minute. */
    public static final int MAX_ITEMS = 500;

    /** What can be done to many reports at once, and the role that does it. */
    public enum Kind implements WireNamed {
        ASSIGN("assign", "交办", Roles.EDITOR),
        SIGN_OFF("sign-off", "签发", Roles.LEADER),
        RETURN("return", "退回修改", Roles.EDITOR),
        URGE("urge", "催办", Roles.EDITOR),
        ADD_TO_BULLETIN("add-to-bulletin", "编入专报", Roles.EDITOR);

        private final Names names;
        private final String role;

        Kind(String wireName, String label, String role) {
            this.names = new Names(wireName, label);
            this.role = role;
        }

        @Override
        public Names names() {
            return names;
        }

        public String role() {
            return role;
        }
    }

    /** Which reports: named one by one, or every report of a queue matching its filter. */
    public record Selection(List<String> reportIds, Queues.Filter filter) {
    }

    /** A department chosen for one report instead of the rule's. */
    public record Assignee(String department, List<String> coHandlers) {
    }

    /** What an action needs besides the reports: the note (return, urge), the issue, chosen departments. */
    public record Options(String comment, String bulletinId, Map<String, Assignee> assignees) {
    }

    /** One report's result: done (and where it stands now), or the problem that kept it from being done. */
    public record Result(String reportId, String title, ReportStatus status, ApiProblem problem) {
        public boolean done() {
            return problem == null;
        }
    }

    /** One report as the action would find it: whether it can be done, and for assignment the rule's proposal. */
    public record Preview(String reportId, String title, ReportStatus status, ApiProblem problem,
                          WorkflowService.Proposal proposal) {
    }

    private final WorkflowService workflow;
    private final CaseStore cases;
    private final Queues queues;
    private final Bulletins bulletins;
    private final AuditLog audit;

    BulkActions(WorkflowService workflow, CaseStore cases, Queues queues, Bulletins bulletins, AuditLog audit) {
        this.workflow = workflow;
        this.cases = cases;
        this.queues = queues;
        this.bulletins = bulletins;
        this.audit = audit;
    }

    /** The reports selected, in the queue's order for a filter; at most {@link #MAX_ITEMS}. */
    public List<String> select(Selection selection, Caller caller) {
        boolean named = selection.reportIds() != null && !selection.reportIds().isEmpty();
        if (named == (selection.filter() != null)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "selection-required",
                    "请勾选信息，或选择“全部符合条件的信息”（二者选一）。",
                    "Name the reports or give a queue filter, one of the two.");
        }
        if (named) {
            List<String> ids = selection.reportIds().stream().distinct().toList();
            requireAtMost(ids.size());
            return ids;
        }
        var page = queues.page(selection.filter(), "oldest", 0, MAX_ITEMS, caller);
        requireAtMost(page.total());
        return page.cases().stream().map(ReportCase::id).toList();
    }

    public List<Preview> preview(Kind kind, List<String> ids, Caller caller) {
        caller.requireAnyRole(kind.role());
        List<Preview> previews = new ArrayList<>();
        for (String id : ids) {
            Optional<ReportCase> found = cases.find(id).filter(c -> caller.sees(c.org()));
            if (found.isEmpty()) {
                previews.add(new Preview(id, null, null, ApiProblem.notFound("社情民意信息", id), null));
                continue;
            }
            ReportCase c = found.get();
            ApiProblem problem = kind == Kind.ADD_TO_BULLETIN ? null : possible(kind, c, caller);
            previews.add(new Preview(id, c.title(), c.status(), problem,
                    kind == Kind.ASSIGN && problem == null ? workflow.proposal(c) : null));
        }
        return previews;
    }

    /** Does the action on each report by itself; one audit entry per report, naming the batch. */
    public List<Result> apply(Kind kind, List<String> ids, Options options, Caller caller) {
        caller.requireAnyRole(kind.role());
        if ((kind == Kind.RETURN || kind == Kind.URGE) && (options.comment() == null || options.comment().isBlank())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-comment",
                    kind == Kind.RETURN ? "请填写退回理由。" : "请填写催办内容。",
                    "The field 'comment' is required for this action.");
        }
        String batch = UUID.randomUUID().toString();
        Map<String, ApiProblem> problems = new LinkedHashMap<>();
        Map<String, ReportCase> after = new HashMap<>();
        if (kind == Kind.ADD_TO_BULLETIN) {
            if (options.bulletinId() == null || options.bulletinId().isBlank()) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-bulletinId", "请选择要编入的专报。",
                        "The field 'bulletinId' is required for this action.");
            }
            bulletins.add(options.bulletinId(), ids, caller).forEach(a -> problems.put(a.reportId(), a.problem()));
        } else {
            for (String id : ids) {
                try {
                    after.put(id, act(kind, id, options, caller));
                    problems.put(id, null);
                } catch (ApiProblem p) {
                    problems.put(id, p);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        Map<String, String> detail = new HashMap<>();
        detail.put("action", kind.wireName());
        detail.put("batch", batch);
        detail.put("size", String.valueOf(ids.size()));
        for (String id : ids) {
            ApiProblem problem = problems.get(id);
            // the case as the action left it; else (not done, or added to an issue) as it is now, if the caller sees it
            Optional<ReportCase> now = Optional.ofNullable(after.get(id))
                    .or(() -> cases.find(id).filter(c -> caller.sees(c.org())));
            results.add(new Result(id, now.map(ReportCase::title).orElse(null), now.map(ReportCase::status).orElse(null),
                    problem));
            Map<String, String> entry = new HashMap<>(detail);
            if (problem != null) {
                entry.put("code", problem.code());
            }
            audit.record(caller, AuditEvent.Actions.BULK_ACTION, id, problem == null ? AuditEvent.SUCCESS : AuditEvent.FAILURE,
                    null, entry);
        }
        return results;
    }

    /**
     * The reports chosen as CSV for the office (editors and leaders): only those the caller sees, each one's
     * export in the audit log before the file is handed out (503 and no file when it cannot be recorded).
     */
    public byte[] export(List<String> ids, Caller caller, java.util.function.UnaryOperator<String> department,
                         java.util.function.BinaryOperator<String> reference) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER);
        List<ReportCase> visible = ids.stream().map(cases::find).flatMap(Optional::stream)
                .filter(c -> caller.sees(c.org())).toList();
        audit.recordAllOrRefuse(caller, AuditEvent.Actions.EXPORT, visible.stream().map(ReportCase::id).toList(), null,
                Map.of("format", "csv", "what", "queue", "size", String.valueOf(visible.size())));
        return QueueExport.csv(visible, department, reference);
    }

    /** The case after the action; the action's problem is thrown. */
    private ReportCase act(Kind kind, String id, Options options, Caller caller) {
        return switch (kind) {
            case ASSIGN -> workflow.apply(id, command(Action.ASSIGN, null,
                    options.assignees() == null ? null : options.assignees().get(id)), caller);
            case SIGN_OFF -> workflow.apply(id, command(Action.SIGN_OFF, null, null), caller);
            case RETURN -> {
                // a report not yet opened for editing is opened first, as the clerk would do by hand
                if (cases.find(id).map(c -> NOT_OPENED.contains(c.status())).orElse(false)) {
                    workflow.apply(id, command(Action.START_EDITING, null, null), caller);
                }
                yield workflow.apply(id, command(Action.RETURN, options.comment().strip(), null), caller);
            }
            case URGE -> workflow.apply(id, command(Action.URGE, options.comment().strip(), null), caller);
            case ADD_TO_BULLETIN -> throw new IllegalArgumentException("added to an issue all at once");
        };
    }

    private static final EnumSet<ReportStatus> NOT_OPENED = EnumSet.of(ReportStatus.SUBMITTED, ReportStatus.FORWARDED_UP);

    private static WorkflowService.Command command(Action action, String comment, Assignee chosen) {
        return new WorkflowService.Command(action, null, chosen == null ? null : blankToNull(chosen.department()),
                chosen == null ? null : chosen.coHandlers(), null, null, null, null, null, comment, null, null, null,
                null, null);
    }

    /** Why the action cannot be taken on the report now, as the single action would say; null if it can. */
    private static ApiProblem possible(Kind kind, ReportCase c, Caller caller) {
        if (!caller.org().equals(c.level())) {
            return WorkflowService.otherLevel(c);
        }
        Action action = switch (kind) {
            case ASSIGN -> Action.ASSIGN;
            case SIGN_OFF -> Action.SIGN_OFF;
            case URGE -> Action.URGE;
            case RETURN, ADD_TO_BULLETIN -> null;
        };
        boolean allowed = action != null ? action.from().contains(c.status())
                : NOT_OPENED.contains(c.status()) || Action.RETURN.from().contains(c.status());
        return allowed ? null : WorkflowService.illegalTransition(c.status(), action != null ? action : Action.RETURN);
    }

    private static void requireAtMost(long n) {
        if (n > MAX_ITEMS) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "too-many-reports",
                    "一次最多批量处理 " + MAX_ITEMS + " 篇信息（符合条件的有 " + n + " 篇），请缩小筛选范围。",
                    "At most " + MAX_ITEMS + " reports at once (" + n + " match); narrow the filter.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
