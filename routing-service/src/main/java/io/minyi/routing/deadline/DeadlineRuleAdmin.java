package io.minyi.routing.deadline;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.deadline.domain.DeadlineRule;
import io.minyi.routing.rules.RuleScope;
import io.minyi.routing.rules.domain.BodyRule;
import io.minyi.support.reference.ReferenceReplica;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Keeping the deadline rules: administrators, for their own body and the bodies below it; the office
 * reads them. A change applies to assignments made from then on: assigned reports keep their deadline.
 */
@Service
public class DeadlineRuleAdmin {

    private final DeadlineRules rules;
    private final ReferenceReplica replica;
    private final Clock clock;

    DeadlineRuleAdmin(DeadlineRules rules, ReferenceReplica replica, Clock clock) {
        this.rules = rules;
        this.replica = replica;
        this.clock = clock;
    }

    public List<DeadlineRules.Stored> rules(Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return rules.inSubtree(caller.org());
    }

    public DeadlineRules.Days platformDefault() {
        return rules.platformDefault();
    }

    public DeadlineRules.Days applying(String org, String topic, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        OrgPath path = org == null || org.isBlank() ? caller.org() : OrgPath.isValid(org) ? OrgPath.of(org) : null;
        if (path == null || !caller.sees(path)) {
            throw ApiProblem.notFound("政协组织", String.valueOf(org));
        }
        return rules.applying(path, topic == null || topic.isBlank() ? BodyRule.ANY_TOPIC : topic);
    }

    public DeadlineRule save(String org, String topic, Integer veryUrgent, Integer urgent, Integer normal,
                             Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        OrgPath body = RuleScope.ownOrBelow(org, caller, "办理时限", "deadline rules");
        String t = topic == null || topic.isBlank() ? BodyRule.ANY_TOPIC : topic;
        if (!t.equals(BodyRule.ANY_TOPIC) && replica.entry("topics", t).isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-topic", "没有这个选题类别：" + t + "。",
                    "No such topic: " + t + ".").with("topic", t);
        }
        DeadlineRule rule = new DeadlineRule(body, t, orZero(veryUrgent), orZero(urgent), orZero(normal));
        List<DeadlineRule.Problem> problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-deadline-rule", message(problems.get(0)),
                    "Each deadline is 1 to " + DeadlineRule.MAX_DAYS + " working days, very urgent ≤ urgent ≤ normal.")
                    .with("errors", problems.stream().map(p -> Map.of("field", p.field(), "code", p.code(),
                            "message", message(p))).toList());
        }
        rules.save(rule, caller.username(), clock.instant());
        return rule;
    }

    public void delete(String org, String topic, Caller caller) {
        caller.requireAnyRole(Roles.ADMIN);
        OrgPath body = RuleScope.ownOrBelow(org, caller, "办理时限", "deadline rules");
        if (!rules.delete(body, topic == null || topic.isBlank() ? BodyRule.ANY_TOPIC : topic)) {
            throw ApiProblem.notFound("办理时限规则", body + " " + topic);
        }
    }

    private static int orZero(Integer days) {
        return days == null ? 0 : days;
    }

    private static String message(DeadlineRule.Problem p) {
        String what = switch (p.field()) {
            case "veryUrgentDays" -> "特急";
            case "urgentDays" -> "紧急";
            default -> "一般";
        };
        return p.code().equals("out-of-order") ? "办理时限应为 特急 ≤ 紧急 ≤ 一般。"
                : what + "件的办理时限应为 1 至 " + DeadlineRule.MAX_DAYS + " 个工作日。";
    }
}
