package io.minyi.routing.assignment.domain;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.rules.domain.BodyRule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The office's routing rule: reports of {@code topic} ({@code *} = any topic) from {@code org} and the
 * bodies below it go to {@code department}, with {@code coHandlers}. The rule of the nearest body
 * wins, and at one body a rule for the topic wins over the catch-all.
 */
public record AssignmentRule(OrgPath org, String topic, String department, List<String> coHandlers)
        implements BodyRule {

    public AssignmentRule {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(department, "department");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    /** The rule that applies to a report of {@code topic} (may be null) from {@code reportOrg}. */
    public static Optional<AssignmentRule> applying(List<AssignmentRule> rules, OrgPath reportOrg, String topic) {
        return BodyRule.nearest(rules, reportOrg, topic);
    }
}
