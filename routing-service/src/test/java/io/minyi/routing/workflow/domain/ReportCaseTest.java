package io.minyi.routing.workflow.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.AssignmentBounced;
import io.minyi.contracts.ExtensionDecided;
import io.minyi.contracts.ExtensionRequested;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportForwarded;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportOutcomeDecided;
import io.minyi.contracts.ReportResubmitted;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportReturned;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.routing.calendar.domain.WorkingCalendar;
import io.minyi.testsupport.ReportEventMother;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportCaseTest {

    static final Actor EDITOR = new Actor("u-editor", "李编辑", "editor");
    static final Actor LEADER = new Actor("u-leader", "张主任", "leader");
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    static final String DEPT = ReportEventMother.DEPARTMENT;
    static final ReportSubmitted SUBMITTED = ReportEventMother.submitted("r-1", "haikou/longhua");
    static final Actor AUTHOR = SUBMITTED.actor();
    static final WorkingCalendar CALENDAR = new WorkingCalendar(Set.of(LocalDate.of(2026, 10, 1)),
            Set.of(LocalDate.of(2026, 10, 10)));
    static final ReportCase TARGET = ReportCase.received(ReportEventMother.submitted("r-2", "haikou/longhua"));

    static ReportCase caseIn(ReportStatus status) {
        ReportCase c = ReportCase.received(SUBMITTED);
        boolean assigned = EnumSet.of(ReportStatus.ASSIGNED, ReportStatus.HANDLING, ReportStatus.RESPONDED,
                ReportStatus.CLOSED).contains(status);
        return new ReportCase(c.id(), c.org(), c.author(), c.coAuthors(), c.content(), 1, status, 3,
                assigned ? new ReportCase.Assignment(DEPT, List.of(), LocalDate.of(2026, 12, 9), null,
                        status == ReportStatus.ASSIGNED || status == ReportStatus.HANDLING ? new ReportCase.Extension(LocalDate.of(2026, 12, 31), "调研",
                                NOW) : null, null) : null,
                status == ReportStatus.ADOPTED ? Outcome.ADOPTED : status == ReportStatus.NOT_ADOPTED ? Outcome.NOT_ADOPTED : null,
                c.submittedAt(), c.org(), List.of());
    }

    static Function<ReportCase, ReportCase.Decision> perform(Action action) {
        return switch (action) {
            case START_EDITING -> c -> c.startEditing(EDITOR, NOW);
            case EDIT -> c -> c.edit(EDITOR, new Content("关于加快加装电梯审批的建议", c.content().body(), "urban-construction",
                    null, "urgent"), "改标题", NOW);
            case RETURN -> c -> c.returnToAuthor(EDITOR, "请补充数据", NOW);
            case RESUBMIT -> c -> c.resubmit(AUTHOR, "补充后的标题", "补充后的正文。", NOW);
            case REJECT -> c -> c.reject(EDITOR, "问题已解决", NOW);
            case MERGE -> c -> c.mergeInto(TARGET, EDITOR, NOW);
            case SIGN_OFF -> c -> c.signOff(LEADER, NOW, CALENDAR);
            case FORWARD -> c -> c.forward(EDITOR, NOW);
            case FORWARD_UP -> c -> c.forwardUp(EDITOR, NOW);
            case INSTRUCT -> c -> c.instruct(LEADER, "副市长", "请住建局研究。", true, NOW);
            case RECORD_INSTRUCTION -> c -> c.recordInstruction(EDITOR, new ReportCase.Leader("陈志强", "副市长",
                    io.minyi.contracts.LeaderLevel.CITY, LocalDate.of(2026, 11, 20), null), "请住建局研究。", false, NOW);
            case ASSIGN -> c -> c.assign(EDITOR, DEPT, List.of("haikou-planning", DEPT), LocalDate.of(2026, 12, 9), NOW);
            case RETURN_REPLY -> c -> c.returnReply(EDITOR, "答复未说明措施", NOW);
            case URGE -> c -> c.urge(EDITOR, "请于本周内答复", NOW);
            case DECIDE -> c -> c.decide(EDITOR, Outcome.ADOPTED, "采纳", AdoptionLevel.CITY, "市政府办公厅批复", NOW);
            case DECIDE_REOPEN -> c -> c.decideReopen(EDITOR, true, "请补充说明补贴发放", LocalDate.of(2027, 1, 15), NOW);
            case CLOSE -> c -> c.close(EDITOR, "已告知作者", NOW);
            case DECIDE_EXTENSION -> c -> c.decideExtension(EDITOR, true, "同意", NOW, CALENDAR);
            case WITHDRAW -> c -> c.withdraw(AUTHOR, "需补充材料", NOW);
        };
    }

    static Actor actorOf(Action action) {
        return switch (action.who()) {
            case EDITOR -> EDITOR;
            case LEADER -> LEADER;
            case AUTHOR -> AUTHOR;
        };
    }

    @ParameterizedTest
    @EnumSource(ReportStatus.class)
    void everyStateAllowsExactlyItsActionsEachEmittingOneEventAndBumpingTheVersion(ReportStatus status) {
        for (Action action : Action.values()) {
            ReportCase current = caseIn(status);
            if (action.from().contains(status)) {
                ReportCase.Decision d = perform(action).apply(current);
                assertThat(d.next().version()).isEqualTo(current.version() + 1);
                if (action != Action.EDIT && action != Action.INSTRUCT && action != Action.RECORD_INSTRUCTION
                        && action != Action.DECIDE_EXTENSION && action != Action.URGE) {
                    assertThat(d.next().status()).as("%s moves the report on", action).isNotEqualTo(status);
                }
                assertThat(d.event().reportId()).isEqualTo("r-1");
                assertThat(d.event().actor()).isEqualTo(actorOf(action));
                assertThat(d.event().occurredAt()).isEqualTo(NOW);
            } else {
                assertThatThrownBy(() -> perform(action).apply(current))
                        .isInstanceOf(IllegalTransition.class)
                        .extracting("from", "action").containsExactly(status, action);
            }
        }
    }

    @Test
    void finalStatesAllowNothingButReopeningAClosedReportAnAuthorAskedFor() {
        for (ReportStatus status : ReportStatus.FINAL) {
            assertThat(Action.values()).filteredOn(a -> a.from().contains(status))
                    .containsExactlyElementsOf(status == ReportStatus.CLOSED ? List.of(Action.DECIDE_REOPEN) : List.of());
        }
    }

    @Test
    void aReportGoesThroughItsWholeLifeKeepingEveryRevision() {
        var editing = caseIn(ReportStatus.SUBMITTED).startEditing(EDITOR, NOW);
        var edited = editing.next().edit(EDITOR, new Content("关于加快加装电梯审批的建议", "编辑后的正文。",
                "urban-construction", "non-party", "urgent"), "压缩篇幅", NOW);
        assertThat(edited.next().revision()).isEqualTo(2);
        assertThat(edited.revision().kind()).isEqualTo(Revision.Kind.EDIT);
        assertThat(((ReportEdited) edited.event()).body()).isEqualTo("编辑后的正文。");
        assertThatThrownBy(() -> edited.next().edit(EDITOR, edited.next().content(), null, NOW))
                .isInstanceOf(ReportCase.NothingChanged.class);

        var signed = edited.next().signOff(LEADER, NOW, CALENDAR);
        var assigned = signed.next().assign(EDITOR, DEPT, List.of("haikou-planning", DEPT), LocalDate.of(2026, 12, 9), NOW);
        assertThat(((ReportAssigned) assigned.event()).body()).as("the department gets the edited text")
                .isEqualTo("编辑后的正文。");
        assertThat(((ReportAssigned) assigned.event()).coHandlers()).as("the lead is not its own co-handler")
                .containsExactly("haikou-planning");
        ReportCase responded = assigned.next()
                .responded(ReportEventMother.responded("r-1", "haikou/longhua", DEPT)).orElseThrow();
        var decided = responded.decide(EDITOR, Outcome.NOT_ADOPTED, "已有安排", AdoptionLevel.CITY, "ignored", NOW);
        assertThat(((ReportOutcomeDecided) decided.event()).adoptionLevel()).as("only an adoption has a level")
                .isNull();
        assertThat(decided.next().status()).isEqualTo(ReportStatus.NOT_ADOPTED);
        assertThat(((ReportOutcomeDecided) decided.event()).outcome()).isEqualTo(Outcome.NOT_ADOPTED);
        var closed = decided.next().close(EDITOR, null, NOW);
        assertThat(closed.next().status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(((ReportClosed) closed.event()).outcome()).isEqualTo(Outcome.NOT_ADOPTED);

        var refused = closed.next().decideReopen(EDITOR, false, "答复已充分", null, NOW);
        assertThat(refused.next().status()).as("a refused request leaves it closed").isEqualTo(ReportStatus.CLOSED);
        var reopened = closed.next().decideReopen(EDITOR, true, "请说明补贴发放时间", LocalDate.of(2027, 1, 15), NOW);
        assertThat(reopened.next().status()).isEqualTo(ReportStatus.HANDLING);
        assertThat(reopened.next().assignment().department()).as("the lead department handles it again")
                .isEqualTo(DEPT);
        assertThat(reopened.next().assignment().deadline()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(reopened.next().outcome()).as("the outcome is decided anew").isNull();
        assertThat(((ReopenDecided) reopened.event()).department()).isEqualTo(DEPT);
    }

    @Test
    void anAdoptionNeedsItsLevel() {
        assertThatThrownBy(() -> caseIn(ReportStatus.RESPONDED).decide(EDITOR, Outcome.ADOPTED, "采纳", null, null, NOW))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aReturnedReportComesBackRevisedByItsAuthorOnly() {
        var returned = caseIn(ReportStatus.EDITING).returnToAuthor(EDITOR, "请补充涉及小区数量", NOW);
        assertThat(((ReportReturned) returned.event()).reason()).isEqualTo("请补充涉及小区数量");
        assertThatThrownBy(() -> returned.next().resubmit(EDITOR, "t", "b", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        var back = returned.next().resubmit(AUTHOR, "补充后的标题", "涉及 12 个小区。", NOW);
        assertThat(back.next().status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(back.next().revision()).isEqualTo(2);
        assertThat(back.next().content().topic()).as("classification kept").isEqualTo(SUBMITTED.topic());
        assertThat(back.revision().kind()).isEqualTo(Revision.Kind.RESUBMISSION);
        assertThat(((ReportResubmitted) back.event()).body()).isEqualTo("涉及 12 个小区。");
    }

    @Test
    void aMergeCreditsTheAuthorsAndNeedsAnOpenOtherTarget() {
        var merged = caseIn(ReportStatus.EDITING).mergeInto(TARGET, EDITOR, NOW);
        ReportMerged event = (ReportMerged) merged.event();
        assertThat(event.into()).isEqualTo("r-2");
        assertThat(event.author()).isEqualTo(AUTHOR);
        assertThatThrownBy(() -> caseIn(ReportStatus.EDITING).mergeInto(caseIn(ReportStatus.EDITING), EDITOR, NOW))
                .as("not into itself").isInstanceOf(IllegalArgumentException.class);
        ReportCase closedTarget = new ReportCase("r-3", TARGET.org(), TARGET.author(), List.of(), TARGET.content(), 1,
                ReportStatus.CLOSED, 9, null, Outcome.ADOPTED, NOW, null, null);
        assertThatThrownBy(() -> caseIn(ReportStatus.EDITING).mergeInto(closedTarget, EDITOR, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAuthorAloneWithdrawsAndOnlyBeforeEditingStarts() {
        assertThatThrownBy(() -> caseIn(ReportStatus.SUBMITTED).withdraw(EDITOR, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> caseIn(ReportStatus.EDITING).withdraw(AUTHOR, null, NOW))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void signOffIsMeasuredAgainstTheSameWorkingDayAsTheSubmission() {
        // submitted Friday 2026-10-09 18:00 CST, the next working day is Saturday 10-10 (调休)
        ReportCase friday = editingSubmittedAt(Instant.parse("2026-10-09T10:00:00Z"));
        ReportSignedOff late = (ReportSignedOff) friday.signOff(LEADER, Instant.parse("2026-10-10T01:00:00Z"), CALENDAR).event();
        assertThat(late.sameDay()).isFalse();
        assertThat(late.workingDaysLate()).isEqualTo(1);
        ReportSignedOff sameDay = (ReportSignedOff) friday.signOff(LEADER, Instant.parse("2026-10-09T12:00:00Z"), CALENDAR)
                .event();
        assertThat(sameDay.sameDay()).isTrue();
        assertThat(sameDay.workingDaysLate()).isZero();
        assertThat(sameDay.submittedAt()).isEqualTo(Instant.parse("2026-10-09T10:00:00Z"));
        // submitted on the National Day holiday, signed off the next working day: still on target
        ReportCase holiday = editingSubmittedAt(Instant.parse("2026-10-01T03:00:00Z"));
        assertThat(((ReportSignedOff) holiday.signOff(LEADER, Instant.parse("2026-10-02T03:00:00Z"), CALENDAR).event())
                .sameDay()).isTrue();
    }

    @Test
    void aResubmissionRestartsTheSameDayClock() {
        ReportCase returned = caseIn(ReportStatus.RETURNED);
        assertThat(returned.resubmit(AUTHOR, "t", "b", NOW).next().submittedAt()).isEqualTo(NOW);
    }

    static ReportCase editingSubmittedAt(Instant at) {
        ReportCase c = caseIn(ReportStatus.EDITING);
        return new ReportCase(c.id(), c.org(), c.author(), c.coAuthors(), c.content(), 1, ReportStatus.EDITING, 1, null,
                null, at, null, null);
    }

    @Test
    void forwardedUpTheReportIsHandledByTheBodyAboveWhichDecidesItsOwnAdoption() {
        ReportCase adopted = caseIn(ReportStatus.ADOPTED);
        var up = adopted.forwardUp(EDITOR, NOW);
        assertThat(up.next().level()).hasToString("haikou");
        assertThat(up.next().status()).isEqualTo(ReportStatus.FORWARDED_UP);
        assertThat(up.next().outcome()).as("the city decides anew").isNull();
        assertThat(up.next().trail()).containsExactly(
                new LevelResult(adopted.org(), ReportStatus.ADOPTED, Outcome.ADOPTED, NOW));
        assertThat(((ReportForwarded) up.event()).up()).isTrue();
        var editing = up.next().startEditing(EDITOR, NOW);
        assertThat(editing.next().level()).hasToString("haikou");
        assertThatThrownBy(() -> caseAt("haikou").forwardUp(EDITOR, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(((ReportForwarded) caseIn(ReportStatus.SIGNED_OFF).forward(EDITOR, NOW).event()).up()).isFalse();
    }

    static ReportCase caseAt(String level) {
        ReportCase c = caseIn(ReportStatus.SIGNED_OFF);
        return new ReportCase(c.id(), c.org(), c.author(), c.coAuthors(), c.content(), 1, ReportStatus.SIGNED_OFF, 1,
                null, null, c.submittedAt(), io.minyi.contracts.OrgPath.of(level), null);
    }

    @Test
    void anExtensionApprovedMovesTheDeadlineAndOneRefusedGivesBackTheDaysItWaited() {
        ReportCase waiting = caseIn(ReportStatus.ASSIGNED); // deadline 2026-12-09, asked for 12-31 at NOW (11-24)
        var approved = waiting.decideExtension(EDITOR, true, null, NOW, CALENDAR);
        assertThat(approved.next().assignment().deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(approved.next().assignment().extension()).isNull();
        // refused three working days later (Friday 11-27): the deadline moves by those three days
        var refused = waiting.decideExtension(EDITOR, false, "理由不充分", Instant.parse("2026-11-27T02:00:00Z"), CALENDAR);
        assertThat(refused.next().assignment().deadline()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(((ExtensionDecided) refused.event()).approved()).isFalse();
        assertThatThrownBy(() -> approved.next().decideExtension(EDITOR, true, null, NOW, CALENDAR))
                .isInstanceOf(ReportCase.NoExtensionRequest.class);
    }

    @Test
    void onlyTheLeadDepartmentBouncesOrAsksForMoreTimeAndABouncedReportIsAssignedAgain() {
        ReportCase assigned = caseIn(ReportStatus.ASSIGNED);
        Actor handler = new Actor("u-dept", "办理人", "department");
        assertThat(assigned.bounced(new AssignmentBounced(UUID.randomUUID(), NOW, "r-1", assigned.org(), handler,
                "other-dept", "不是我们的"))).isEmpty();
        ReportCase bounced = assigned.bounced(new AssignmentBounced(UUID.randomUUID(), NOW, "r-1", assigned.org(),
                handler, DEPT, "属于规划部门职责")).orElseThrow();
        assertThat(bounced.status()).isEqualTo(ReportStatus.BOUNCED);
        assertThat(bounced.assign(EDITOR, "haikou-planning", List.of(), LocalDate.of(2026, 12, 20), NOW).next()
                .assignment().department()).isEqualTo("haikou-planning");
        ReportCase plain = bounced.assign(EDITOR, DEPT, List.of(), LocalDate.of(2026, 12, 20), NOW).next();
        var request = new ExtensionRequested(UUID.randomUUID(), NOW, "r-1", plain.org(), handler, DEPT,
                LocalDate.of(2027, 1, 15), "需调研");
        ReportCase waiting = plain.extensionRequested(request).orElseThrow();
        assertThat(waiting.assignment().extension().deadline()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(waiting.extensionRequested(request)).as("one request at a time").isEmpty();
    }

    @Test
    void anAnswerCountsOnlyFromTheAssignedDepartmentWhileTheCaseAwaitsIt() {
        assertThat(caseIn(ReportStatus.HANDLING).responded(ReportEventMother.responded("r-1", "haikou/longhua", DEPT)))
                .isPresent();
        var accepted = caseIn(ReportStatus.ASSIGNED).accepted(new io.minyi.contracts.AssignmentAccepted(UUID.randomUUID(),
                NOW, "r-1", caseIn(ReportStatus.ASSIGNED).org(), new Actor("u-dept", "办理人", "department"), DEPT));
        assertThat(accepted.orElseThrow().status()).isEqualTo(ReportStatus.HANDLING);
        for (ReportStatus status : EnumSet.complementOf(EnumSet.of(ReportStatus.ASSIGNED, ReportStatus.HANDLING))) {
            assertThat(caseIn(status).responded(ReportEventMother.responded("r-1", "haikou/longhua", DEPT))).isEmpty();
        }
        assertThat(caseIn(ReportStatus.ASSIGNED).responded(
                ReportEventMother.responded("r-1", "haikou/longhua", "haikou-transport"))).isEmpty();
    }

    @Test
    void aCalendarChangeRecountsADeadlineTheRulesCountedAndKeepsAnExtensionsDate() {
        ReportCase signed = caseIn(ReportStatus.SIGNED_OFF);
        LocalDate from = LocalDate.of(2026, 12, 1);
        var term = new ReportCase.Term(from, 3);
        ReportCase assigned = signed.assign(EDITOR, DEPT, List.of(), term.due(CALENDAR), term, NOW).next();
        assertThat(assigned.assignment().deadline()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(assigned.recountDeadline(CALENDAR, 2026, NOW)).as("same calendar, same date").isEmpty();

        var later = new WorkingCalendar(Set.of(LocalDate.of(2026, 12, 3)), Set.of());
        var recounted = assigned.recountDeadline(later, 2026, NOW).orElseThrow();
        assertThat(recounted.next().assignment().deadline()).isEqualTo(LocalDate.of(2026, 12, 7));
        var event = (io.minyi.contracts.AssignmentDeadlineRecomputed) recounted.event();
        assertThat(event.previous()).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(event.deadline()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(event.actor()).isEqualTo(Actor.SYSTEM);

        ReportCase byDate = signed.assign(EDITOR, DEPT, List.of(), LocalDate.of(2026, 12, 4), NOW).next();
        assertThat(byDate.recountDeadline(later, 2026, NOW)).as("a date the office set").isEmpty();
        ReportCase extended = assigned.extensionRequested(new ExtensionRequested(UUID.randomUUID(), NOW, "r-1",
                assigned.org(), new Actor("u-dept", "住建局办理人", "department"), DEPT, LocalDate.of(2026, 12, 31),
                "需调研")).orElseThrow();
        ReportCase approved = extended.decideExtension(EDITOR, true, null, NOW, CALENDAR).next();
        assertThat(approved.recountDeadline(later, 2026, NOW)).as("the extension's date stays").isEmpty();
    }

    @Test
    void urgingTellsTheLeadDepartmentAndLeavesTheCaseAsItIs() {
        ReportCase assigned = caseIn(ReportStatus.ASSIGNED);
        var urged = assigned.urge(EDITOR, "已逾期三天，请于本周内答复", NOW);
        assertThat(urged.next().status()).isEqualTo(ReportStatus.ASSIGNED);
        assertThat(urged.next().assignment()).isEqualTo(assigned.assignment());
        var event = (io.minyi.contracts.AssignmentUrged) urged.event();
        assertThat(event.department()).isEqualTo(DEPT);
        assertThat(event.deadline()).isEqualTo(assigned.assignment().deadline());
        assertThat(event.note()).isEqualTo("已逾期三天，请于本周内答复");
        assertThatThrownBy(() -> caseIn(ReportStatus.RESPONDED).urge(EDITOR, "x", NOW)).isInstanceOf(IllegalTransition.class);
    }
}
