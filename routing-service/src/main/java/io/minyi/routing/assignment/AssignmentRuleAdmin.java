package io.minyi.routing.assignment;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.assignment.domain.AssignmentRule;
import io.minyi.routing.rules.RuleScope;
import io.minyi.support.security.Caller;
import io.minyi.support.security.Roles;
import io.minyi.support.web.ApiProblem;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** Keeping the rules: editors and admins, for their own body and the bodies below it. */
@Service
public class AssignmentRuleAdmin {

    private final AssignmentRules rules;
    private final Clock clock;
    private final Departments departments;

    AssignmentRuleAdmin(AssignmentRules rules, Clock clock, Departments departments) {
        this.rules = rules;
        this.clock = clock;
        this.departments = departments;
    }

    public List<AssignmentRule> rules(Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        return rules.inSubtree(caller.org());
    }

    public AssignmentRule save(String org, String topic, String department, List<String> coHandlers, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.ADMIN);
        AssignmentRule rule = new AssignmentRule(ownOrBelow(org, caller), topic, department,
                coHandlers == null ? List.of() : coHandlers.stream().filter(d -> !d.equals(department)).distinct()
                        .toList());
        departments.requireAssignable(rule.department(), rule.coHandlers(), rule.org());
        rules.save(rule, caller.username(), clock.instant());
        return rule;
    }

    public void delete(String org, String topic, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.ADMIN);
        if (!rules.delete(ownOrBelow(org, caller), topic)) {
            throw ApiProblem.notFound("交办规则", org + " " + topic);
        }
    }

    public AssignmentRule applying(OrgPath org, String topic, Caller caller) {
        caller.requireAnyRole(Roles.EDITOR, Roles.LEADER, Roles.ADMIN);
        if (org == null || !caller.sees(org)) {
            throw ApiProblem.notFound("交办规则", String.valueOf(org));
        }
        return rules.applying(org, topic).orElseThrow(() -> ApiProblem.notFound("交办规则", org + " " + topic));
    }

    private static OrgPath ownOrBelow(String org, Caller caller) {
        return RuleScope.ownOrBelow(org, caller, "交办规则", "assignment rules");
    }
}
