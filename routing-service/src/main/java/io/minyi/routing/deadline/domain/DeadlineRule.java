package io.minyi.routing.deadline.domain;

import io.minyi.contracts.OrgPath;
import io.minyi.routing.rules.domain.BodyRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 办理时限: how many working days a department has to answer a report of {@code org} (and the bodies
 * below it) about {@code topic} ({@code *}: any), by urgency — 特急, 紧急, 一般. The nearest body's rule
 * wins, a topic's over the catch-all; with none the platform default applies.
 */
public record DeadlineRule(OrgPath org, String topic, int veryUrgentDays, int urgentDays, int normalDays)
        implements BodyRule {

    /** The longest deadline a rule may give: three months of working days. */
    public static final int MAX_DAYS = 60;

    public DeadlineRule {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(topic, "topic");
    }

    /** The working days for a report's urgency ({@code very-urgent}, {@code urgent}, anything else 一般). */
    public int days(String urgency) {
        return pick(urgency, veryUrgentDays, urgentDays, normalDays);
    }

    /** Of three deadlines by urgency, the one for {@code urgency}. */
    public static int pick(String urgency, int veryUrgentDays, int urgentDays, int normalDays) {
        return "very-urgent".equals(urgency) ? veryUrgentDays : "urgent".equals(urgency) ? urgentDays : normalDays;
    }

    /** What is wrong with the rule, as field → code; empty when it can be kept. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        check(problems, "veryUrgentDays", veryUrgentDays);
        check(problems, "urgentDays", urgentDays);
        check(problems, "normalDays", normalDays);
        if (problems.isEmpty() && (veryUrgentDays > urgentDays || urgentDays > normalDays)) {
            problems.add(new Problem("urgentDays", "out-of-order"));
        }
        return problems;
    }

    private static void check(List<Problem> problems, String field, int days) {
        if (days < 1 || days > MAX_DAYS) {
            problems.add(new Problem(field, "out-of-range"));
        }
    }

    /** One thing wrong: the field and a code ({@code out-of-range}: not 1–60; {@code out-of-order}: 特急 > 紧急 > 一般 broken). */
    public record Problem(String field, String code) {
    }
}
