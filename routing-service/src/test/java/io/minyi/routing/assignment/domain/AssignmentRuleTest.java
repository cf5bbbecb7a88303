package io.minyi.routing.assignment.domain;

import io.minyi.contracts.OrgPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentRuleTest {

    static final List<AssignmentRule> RULES = List.of(
            new AssignmentRule(OrgPath.of("haikou"), "*", "haikou-office", List.of()),
            new AssignmentRule(OrgPath.of("haikou"), "transport", "haikou-transport", List.of("haikou-police")),
            new AssignmentRule(OrgPath.of("haikou/longhua"), "*", "longhua-office", List.of()),
            new AssignmentRule(OrgPath.of("haikou/meilan"), "transport", "meilan-transport", List.of()));

    @Test
    void theNearestBodysRuleWinsAndAtOneBodyTheTopicsRuleBeatsTheCatchAll() {
        assertThat(department("haikou", "transport")).isEqualTo("haikou-transport");
        assertThat(department("haikou", "education")).isEqualTo("haikou-office");
        assertThat(department("haikou/longhua/jinyu", "transport")).isEqualTo("longhua-office");
        assertThat(department("haikou/meilan", "transport")).isEqualTo("meilan-transport");
        assertThat(department("haikou/meilan", null)).isEqualTo("haikou-office");
        assertThat(AssignmentRule.applying(RULES, OrgPath.of("sanya"), "transport")).isEmpty();
    }

    private static String department(String org, String topic) {
        return AssignmentRule.applying(RULES, OrgPath.of(org), topic).orElseThrow().department();
    }
}
