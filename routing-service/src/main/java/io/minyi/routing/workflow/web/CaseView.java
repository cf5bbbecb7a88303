package io.minyi.routing.workflow.web;

import io.minyi.routing.workflow.domain.Contributor;
import io.minyi.routing.workflow.domain.Instruction;
import io.minyi.routing.workflow.domain.LevelResult;
import io.minyi.routing.workflow.domain.ReportCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A case as the office (or its author) sees it, with the actions the caller may take now. */
public record CaseView(String id, String org, String authorName, String title, String body, String topic,
                       String sector, String urgency, String status, String statusLabel, long version, int revision,
                       String department, String departmentName, LocalDate deadline, Integer deadlineWorkingDays,
                       String response, String outcome, List<String> actions,
                       List<Merged> merged, Instant submittedAt, String level, List<Step> trail,
                       List<InstructionView> instructions, LocalDate extensionAsked, String extensionReason) {

    /** A body the report passed through before it was forwarded up, and what that body made of it. */
    public record Step(String org, String status, String statusLabel, String outcome, Instant forwardedAt) {
        static Step of(LevelResult r) {
            return new Step(r.org().value(), r.status().wireName(), r.status().label(),
                    r.outcome() == null ? null : r.outcome().name().toLowerCase().replace('_', '-'), r.forwardedAt());
        }
    }

    /** 批示. */
    /**
     * 批示: {@code byName} the leader, {@code recorded} when the office entered it from paper
     * ({@code recordedBy} who, {@code givenOn} the date on the paper, {@code scan} its scanned page).
     */
    public record InstructionView(String byName, String rank, String text, boolean ordersAssignment, Instant at,
                                  String leaderLevel, String leaderLevelLabel, boolean recorded, String recordedBy,
                                  LocalDate givenOn, io.minyi.contracts.FileRef scan) {
        static InstructionView of(Instruction i) {
            return new InstructionView(i.leaderName(), i.rank(), i.text(), i.ordersAssignment(), i.at(),
                    i.leaderLevel() == null ? null : i.leaderLevel().wireName(),
                    i.leaderLevel() == null ? null : i.leaderLevel().label(), i.recorded(),
                    i.recorded() ? i.by().name() : null, i.givenOn(), i.scan());
        }
    }

    /** A report merged into this one and who wrote it. */
    public record Merged(String reportId, String authorName, List<String> coAuthors) {
        static Merged of(Contributor c) {
            return new Merged(c.reportId(), c.author().name(), c.coAuthors());
        }
    }

    /**
     * {@code departmentName}: the registry's name of the lead department; {@code deadlineWorkingDays}: the
     * working days the rules gave (the date is counted again if the calendar changes), null for a date the
     * office set.
     */
    static CaseView of(ReportCase c, List<String> actions, List<Contributor> contributors,
                       List<Instruction> instructions, java.util.function.Function<String, String> departmentNames) {
        ReportCase.Assignment a = c.assignment();
        return new CaseView(c.id(), c.org().value(), c.author().name(), c.content().title(), c.content().body(),
                c.content().topic(), c.content().sector(), c.content().urgency(), c.status().wireName(),
                c.status().label(), c.version(), c.revision(), a == null ? null : a.department(),
                a == null ? null : departmentNames.apply(a.department()), a == null ? null : a.deadline(),
                a == null || a.term() == null ? null : a.term().workingDays(), a == null ? null : a.response(),
                c.outcome() == null ? null : c.outcome().name().toLowerCase().replace('_', '-'), actions,
                contributors.stream().map(Merged::of).toList(), c.submittedAt(), c.level().value(),
                c.trail().stream().map(Step::of).toList(), instructions.stream().map(InstructionView::of).toList(),
                a == null || a.extension() == null ? null : a.extension().deadline(),
                a == null || a.extension() == null ? null : a.extension().reason());
    }
}
