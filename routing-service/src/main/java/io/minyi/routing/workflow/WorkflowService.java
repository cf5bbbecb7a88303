package io.minyi.routing.workflow;

import io.minyi.contracts.Outcome;
import io.minyi.contracts.Actor;
import io.minyi.routing.workflow.domain.Action;
import io.minyi.routing.workflow.domain.IllegalTransition;
import io.minyi.routing.workflow.domain.ReportCase;
import io.minyi.routing.workflow.store.CaseStore;
import io.minyi.support.observability.ReportMdc;
import io.minyi.support.outbox.PendingEvent;
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
import java.time.ZoneId;

/**
 * Applies an action to a case: role and org check (or, to withdraw, that the caller is the author),
 * state check, one atomic write.
 */
@Service
public class WorkflowService {

    /** Deadlines are calendar dates in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int DEFAULT_DAYS_TO_ANSWER = 15;
    private static final Logger log = LoggerFactory.getLogger(WorkflowService.class);

    private final CaseStore cases;
    private final Clock clock;

    public WorkflowService(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public ReportCase get(String id, Caller caller) {
        return cases.find(id).filter(c -> caller.sees(c.org()))
                .filter(c -> caller.hasRole(Roles.EDITOR) || caller.hasRole(Roles.LEADER)
                        || caller.hasRole(Roles.ADMIN))
                .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
    }

    public record Command(Action action, Long expectedVersion, String department, LocalDate deadline,
                          Outcome outcome, String comment) {
    }

    public ReportCase apply(String id, Command command, Caller caller) {
        ReportCase current;
        Actor actor;
        if (command.action() == Action.WITHDRAW) {
            String role = caller.requireAnyRole(Roles.MEMBER, Roles.OFFICER);
            current = cases.find(id).filter(c -> caller.id().equals(c.authorId()))
                    .orElseThrow(() -> ApiProblem.notFound("社情民意信息", id));
            actor = caller.as(role);
        } else {
            String role = caller.requireAnyRole(Roles.EDITOR);
            current = get(id, caller);
            actor = caller.as(role);
        }
        if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
            throw staleVersion();
        }
        var now = clock.instant();
        ReportCase.Decision decision;
        try {
            decision = decide(current, command, actor, now);
        } catch (IllegalTransition e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "illegal-transition",
                    "当前状态为“" + e.from().label() + "”，不能执行“" + e.action().label() + "”。",
                    "A report that is " + e.from().wireName() + " cannot be " + e.action().wireName() + ".");
        }
        if (!cases.save(decision.next(), PendingEvent.of(decision.event()))) {
            throw staleVersion();
        }
        try (var mdc = ReportMdc.of(id)) {
            log.info("{} by {}: now {}", command.action().wireName(), caller.username(),
                    decision.next().status().wireName());
        }
        return decision.next();
    }

    private static ReportCase.Decision decide(ReportCase current, Command command, Actor actor, Instant now) {
        return switch (command.action()) {
            case SIGN_OFF -> current.signOff(actor, now);
            case ASSIGN -> current.assign(actor, required(command.department(), "department", "承办单位"),
                    command.deadline() != null ? command.deadline()
                            : LocalDate.ofInstant(now, ZONE).plusDays(DEFAULT_DAYS_TO_ANSWER), now);
            case CLOSE -> current.close(actor, required(command.outcome(), "outcome", "办理结果（采纳/未采纳）"),
                    command.comment(), now);
            case WITHDRAW -> current.withdraw(actor, command.comment(), now);
        };
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
