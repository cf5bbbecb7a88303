package io.minyi.routing.workflow;

import io.minyi.privacy.PersonalDataScanner;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.FileRef;
import io.minyi.contracts.LeaderLevel;
import io.minyi.routing.reopen.ReopenRequests;

import io.minyi.contracts.Actor;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportStatus;
import io.minyi.routing.workflow.domain.Action;
import io.minyi.routing.assignment.AssignmentRules;
import io.minyi.routing.assignment.domain.AssignmentRule;
import io.minyi.routing.assignment.Departments;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.routing.workflow.domain.Content;
import io.minyi.routing.deadline.DeadlineRules;
import io.minyi.routing.workflow.domain.IllegalTransition;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.observability.ReportMdc;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies an action to a case: who may take it (an editor or a leader of the report's body or a body
 * above it, or the report's author), whether the state allows it, then one atomic write.
 */
@Service
public class WorkflowService {

    private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);

    private final CaseStore cases;
    private final AssignmentRules rules;
    private final WorkingCalendar calendar;
    private final DeadlineRules deadlines;
    private final Clock clock;
    private final ReopenRequests reopens;
    private final Departments departments;

    /**
     * Contact details typed into a revision are masked, as intake masks them in submissions: the
     * workflow's copy of the text and its events never hold them (the constituent's details stay sealed
     * in intake, revealed there).
     */
    private static final PersonalDataScanner SCANNER = new PersonalDataScanner();

    public WorkflowService(CaseStore cases, AssignmentRules rules, WorkingCalendar calendar, DeadlineRules deadlines,
                           Clock clock, ReopenRequests reopens, Departments departments) {
        this.reopens = reopens;
        this.departments = departments;
        this.cases = cases;
        this.rules = rules;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The case for the office of its body or above, and for its author; 404 for everyone else. */
    public ReportCase get(String id, Caller caller) {
        return cases.find(id).filter(c -> isOffice(caller, c) || caller.id().equals(c.author().id()))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
    }

    /** What an action needs besides its name; each action reads the fields it uses. */
    public record Command(Action action, Long expectedVersion, String department, List<String> coHandlers,
                          String rank, Boolean ordersAssignment, Boolean approved, LocalDate deadline,
                          Outcome outcome, String comment, String into, Changes changes, String note,
                          AdoptionLevel adoptionLevel, String evidence, Paper paper) {

        /** An action without a leader's instruction on paper. */
        public Command(Action action, Long expectedVersion, String department, List<String> coHandlers,
                       String rank, Boolean ordersAssignment, Boolean approved, LocalDate deadline,
                       Outcome outcome, String comment, String into, Changes changes, String note,
                       AdoptionLevel adoptionLevel, String evidence) {
            this(action, expectedVersion, department, coHandlers, rank, ordersAssignment, approved, deadline, outcome,
                    comment, into, changes, note, adoptionLevel, evidence, null);
        }
    }

    /**
     * The leader's side of an instruction: for {@code instruct} only the level (optional); for
     * {@code record-instruction} the name of the leader without an account, their level, the date on
     * the paper and its scanned page.
     */
    public record Paper(String leaderName, LeaderLevel leaderLevel, LocalDate givenOn, FileRef scan) {
    }

    /** The content fields an edit or a resubmission sets; null fields stay as they are. */
    public record Changes(String title, String body, String topic, String sector, String urgency) {
    }

    public ReportCase apply(String id, Command command, Caller caller) {
        ReportCase current = cases.find(id).orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
        Actor actor = actor(current, command.action(), caller);
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw staleVersion();
        }
        ReportCase.Decision decision;
        try {
            decision = decide(current, command, actor, clock.instant(), caller);
        } catch (IllegalTransition e) {
            throw illegalTransition(e.from(), e.action());
        } catch (ReportCase.NoExtensionRequest e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-extension-request", "承办单位没有待审批的延期申请。",
                    "The department has no extension request waiting.");
        } catch (ReportCase.NothingChanged e) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "nothing-changed", "修改后的内容与当前版本相同。",
                    "The revision is the same as the current version.");
        }
        if (!cases.save(decision)) {
            throw staleVersion();
        }
        try (var mdc = ReportMdc.of(id)) {
            log.info("{} by {}: now {}", command.action().wireName(), caller.username(),
                    decision.next().status().wireName());
        }
        return decision.next();
    }

    /** The caller in the role the action needs; 403 without the role, 404 when the case is not theirs to see. */
    private static Actor actor(ReportCase c, Action action, Caller caller) {
        String role = switch (action.who()) {
            case EDITOR -> caller.requireAnyRole(Roles.EDITOR);
            case LEADER -> caller.requireAnyRole(Roles.LEADER);
            case AUTHOR -> caller.requireAnyRole(Roles.MEMBER, Roles.OFFICER);
        };
        if (action.who() == Action.Who.AUTHOR) {
            if (!caller.id().equals(c.author().id())) {
                throw ApiProblem.notFound("社情民意信息", c.id());
            }
        } else if (!caller.org().equals(c.level())) {
            if (!caller.sees(c.org())) {
                throw ApiProblem.notFound("社情民意信息", c.id());
            }
            throw otherLevel(c);
        }
        return caller.as(role);
    }

    /** The state does not allow the action (409 {@code illegal-transition}). */
    public static ApiProblem illegalTransition(ReportStatus from, Action action) {
        return new ApiProblem(HttpStatus.CONFLICT, "illegal-transition",
                "当前状态为“" + from.label() + "”，不能执行“" + action.label() + "”。",
                "A report that is " + from.wireName() + " cannot be " + action.wireName() + ".");
    }

    /** The report is handled by another body now; the caller's body only reads it (403 {@code other-level}). */
    public static ApiProblem otherLevel(ReportCase c) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "other-level", "该信息目前由 " + c.level() + " 办理，本级只能查看。",
                "This report is handled by " + c.level() + " now; your body can only read it.");
    }

    private ReportCase.Decision decide(ReportCase c, Command cmd, Actor actor, Instant now, Caller caller) {
        return switch (cmd.action()) {
            case START_EDITING -> c.startEditing(actor, now);
            case EDIT -> c.edit(actor, revised(c.content(), cmd.changes()), cmd.note(), now);
            case RETURN -> c.returnToAuthor(actor, required(cmd.comment(), "comment", "退回理由"), now);
            case RESUBMIT -> c.resubmit(actor, SCANNER.mask(required(field(cmd, Changes::title), "title", "标题").strip()),
                    SCANNER.mask(required(field(cmd, Changes::body), "body", "正文").strip()), now);
            case REJECT -> c.reject(actor, required(cmd.comment(), "comment", "不予采用的理由"), now);
            case MERGE -> merge(c, required(cmd.into(), "into", "合并到的信息编号"), actor, now, caller);
            case SIGN_OFF -> c.signOff(actor, now, calendar);
            case FORWARD -> c.forward(actor, now);
            case FORWARD_UP -> forwardUp(c, actor, now);
            case INSTRUCT -> c.instruct(actor, ReportCase.Leader.ofAccount(actor, cmd.rank(),
                            cmd.paper() == null ? null : cmd.paper().leaderLevel()),
                    required(cmd.comment(), "comment", "批示内容"), Boolean.TRUE.equals(cmd.ordersAssignment()), now);
            case RECORD_INSTRUCTION -> c.recordInstruction(actor, onPaper(cmd.paper(), cmd.rank(), now),
                    required(cmd.comment(), "comment", "批示内容"), Boolean.TRUE.equals(cmd.ordersAssignment()), now);
            case ASSIGN -> assign(c, cmd, actor, now);
            case RETURN_REPLY -> c.returnReply(actor, required(cmd.comment(), "comment", "退回答复的理由"), now);
            case URGE -> c.urge(actor, required(cmd.comment(), "comment", "催办内容"), now);
            case DECIDE -> c.decide(actor, required(cmd.outcome(), "outcome", "办理结果（采纳/未采纳）"),
                    cmd.comment(), cmd.outcome() == Outcome.ADOPTED
                            ? required(cmd.adoptionLevel(), "adoptionLevel", "采纳层级（部门、区级、市级、省级、全国）")
                            : null, cmd.evidence(), now);
            case DECIDE_REOPEN -> decideReopen(c, cmd, actor, now);
            case CLOSE -> c.close(actor, cmd.comment(), now);
            case DECIDE_EXTENSION -> c.decideExtension(actor, required(cmd.approved(), "approved", "是否同意延期"),
                    cmd.comment(), now, calendar);
            case WITHDRAW -> c.withdraw(actor, cmd.comment(), now);
        };
    }

    /** Only an author's pending request can be decided; approved, the lead department gets a new deadline. */
    private ReportCase.Decision decideReopen(ReportCase c, Command cmd, Actor actor, Instant now) {
        if (reopens.pending(c.id()).isEmpty()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no-reopen-request", "作者没有待审批的重新办理申请。",
                    "No author has asked to reopen this report.");
        }
        boolean approved = required(cmd.approved(), "approved", "是否同意重新办理");
        LocalDate today = LocalDate.ofInstant(now, ReportCase.ZONE);
        ReportCase.Term term = cmd.deadline() != null ? null : term(c, today);
        LocalDate due = term == null ? cmd.deadline() : term.due(calendar);
        if (approved && due.isBefore(today)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "deadline-passed", "办理期限不能早于今天。",
                    "The deadline cannot be before today.");
        }
        try {
            return c.decideReopen(actor, approved, cmd.comment(), due, term, now);
        } catch (ReportCase.NotAssigned e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "never-assigned", "该信息未曾交办，无法重新办理。",
                    "The report was never assigned to a department; it cannot be handled again.");
        }
    }

    private static ReportCase.Decision forwardUp(ReportCase c, Actor actor, Instant now) {
        try {
            return c.forwardUp(actor, now);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "top-level", "本级已是最高一级政协组织，无法报送上级。",
                    "This is a top-level body; there is no body above to forward to.");
        }
    }

    /** To the department named, else by the office's rules; co-handlers as named, else the rule's. */
    private ReportCase.Decision assign(ReportCase c, Command cmd, Actor actor, Instant now) {
        var rule = cmd.department() == null ? rules.applying(c.org(), c.content().topic()) : Optional.<AssignmentRule>empty();
        String lead = cmd.department() != null ? cmd.department() : rule.map(AssignmentRule::department)
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "missing-department",
                        "没有适用的交办规则，请指定承办单位。", "No assignment rule applies; name the department."));
        List<String> coHandlers = cmd.coHandlers() != null ? cmd.coHandlers()
                : rule.map(AssignmentRule::coHandlers).orElse(List.of());
        LocalDate today = LocalDate.ofInstant(now, ReportCase.ZONE);
        ReportCase.Term term = cmd.deadline() != null ? null : term(c, today);
        LocalDate due = term == null ? cmd.deadline() : term.due(calendar);
        if (due.isBefore(today)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "deadline-passed", "办理期限不能早于今天。",
                    "The deadline cannot be before today.");
        }
        departments.requireAssignable(lead, coHandlers, c.org());
        return c.assign(actor, lead, coHandlers, due, term, now);
    }

    /** What {@code assign} does when no department is named: the office's rule for the report, and its deadline. */
    public record Proposal(String department, List<String> coHandlers, LocalDate deadline) {
    }

    public Proposal proposal(ReportCase c) {
        var rule = rules.applying(c.org(), c.content().topic());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ReportCase.ZONE);
        return new Proposal(rule.map(AssignmentRule::department).orElse(null),
                rule.map(AssignmentRule::coHandlers).orElse(List.of()), term(c, today).due(calendar));
    }

    /** 办理时限 by the rule of the report's body (or the nearest above) for its topic and urgency, from today. */
    private ReportCase.Term term(ReportCase c, LocalDate today) {
        return new ReportCase.Term(today, deadlines.applying(c.org(), c.content().topic()).of(c.content().urgency()));
    }

    private ReportCase.Decision merge(ReportCase c, String into, Actor actor, Instant now, Caller caller) {
        ReportCase target = cases.find(into).filter(t -> caller.sees(t.org()))
                .orElseThrow(() -> ApiProblem.notFound("合并目标信息", into));
        try {
            return c.mergeInto(target, actor, now);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "cannot-merge", "只能合并到另一份尚未结束的信息。",
                    "A report can only be merged into another one that is still open.");
        }
    }

    /** An edit names only the fields it changes; the others keep their current value. */
    private static Content revised(Content current, Changes changes) {
        if (changes == null) {
            return current;
        }
        return new Content(changes.title() != null ? SCANNER.mask(changes.title().strip()) : current.title(),
                changes.body() != null ? SCANNER.mask(changes.body().strip()) : current.body(),
                changes.topic() != null ? changes.topic() : current.topic(),
                changes.sector() != null ? changes.sector() : current.sector(),
                changes.urgency() != null ? changes.urgency() : current.urgency());
    }

    private static String field(Command cmd, Function<Changes, String> getter) {
        return cmd.changes() == null ? null : getter.apply(cmd.changes());
    }

    private static boolean isOffice(Caller caller, ReportCase c) {
        return caller.isOfficeOf(c.org());
    }

    /** The leader of an instruction on paper, checked: named, their level, dated not after today. */
    private static ReportCase.Leader onPaper(Paper paper, String post, Instant now) {
        Paper p = paper == null ? new Paper(null, null, null, null) : paper;
        String name = required(p.leaderName(), "leaderName", "批示领导姓名").strip();
        LeaderLevel level = required(p.leaderLevel(), "leaderLevel", "批示领导级别（区县级、市级、省级、国家级）");
        LocalDate givenOn = required(p.givenOn(), "givenOn", "批示日期");
        if (givenOn.isAfter(LocalDate.ofInstant(now, ReportCase.ZONE))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "given-on-future", "批示日期不能晚于今天。",
                    "The date of the instruction cannot be in the future.");
        }
        return new ReportCase.Leader(name, post == null || post.isBlank() ? null : post.strip(), level, givenOn, p.scan());
    }

    private static <T> T required(T value, String field, String label) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "missing-" + field, "请填写" + label + "。",
                    "The field '" + field + "' is required for this action.");
        }
        return value;
    }

    private static ApiProblem staleVersion() {
        return new ApiProblem(HttpStatus.CONFLICT, "stale-version", "该信息已被他人修改，请刷新后重试。",
                "Someone else changed this report; reload and try again.");
    }
}
