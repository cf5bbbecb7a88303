package io.minyi.routing.rules.domain;

import io.minyi.contracts.OrgPath;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A rule a body keeps for its reports and those of the bodies below it, for one topic or for any
 * ({@code *}): the rule of the nearest body wins, and at one body a rule for the topic wins over the
 * catch-all. Assignment rules and deadline rules inherit this way.
 */
public interface BodyRule {

    String ANY_TOPIC = "*";

    OrgPath org();

    String topic();

    /** The rule of {@code rules} that applies to a report of {@code topic} (may be null) from {@code reportOrg}. */
    static <R extends BodyRule> Optional<R> nearest(List<R> rules, OrgPath reportOrg, String topic) {
        return rules.stream()
                .filter(r -> r.org().covers(reportOrg))
                .filter(r -> r.topic().equals(ANY_TOPIC) || r.topic().equals(topic))
                .max(Comparator.comparingInt((R r) -> r.org().depth()).thenComparing(r -> !r.topic().equals(ANY_TOPIC)));
    }
}
