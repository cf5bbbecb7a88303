package io.minyi.routing.workflow.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportWithdrawn;
import io.minyi.testsupport.ReportEventMother;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportCaseTest {

    static final Actor EDITOR = new Actor("u-editor", "李编辑", "editor");
    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    static final String DEPT = ReportEventMother.DEPARTMENT;

    static final Actor AUTHOR = new Actor("u-member", "王委员", "member");

    /** Which actions each state allows, in the order of a report's life. */
    static final Map<Status, Set<Action>> ALLOWED = Map.of(
            Status.SUBMITTED, Set.of(Action.SIGN_OFF, Action.WITHDRAW),
            Status.SIGNED_OFF, Set.of(Action.ASSIGN),
            Status.RESPONDED, Set.of(Action.CLOSE));

    static ReportCase caseIn(Status status) {
        ReportCase c = ReportCase.received(ReportEventMother.submitted("r-1", "haikou/longhua"));
        return new ReportCase(c.id(), c.org(), c.authorId(), c.title(), c.body(), status, 3,
                status.compareTo(Status.ASSIGNED) >= 0 ? DEPT : null, null, null, null);
    }

    static Function<ReportCase, ReportCase.Decision> perform(Action action) {
        return switch (action) {
            case SIGN_OFF -> c -> c.signOff(EDITOR, NOW);
            case ASSIGN -> c -> c.assign(EDITOR, DEPT, LocalDate.of(2026, 12, 9), NOW);
            case CLOSE -> c -> c.close(EDITOR, Outcome.ADOPTED, "采纳", NOW);
            case WITHDRAW -> c -> c.withdraw(AUTHOR, "需补充材料", NOW);
        };
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void everyStateAllowsOnlyItsOwnActionAndEachActionEmitsOneEventAndBumpsTheVersion(Status status) {
        for (Action action : Action.values()) {
            ReportCase current = caseIn(status);
            if (ALLOWED.getOrDefault(status, Set.of()).contains(action)) {
                ReportCase.Decision d = perform(action).apply(current);
                assertThat(d.next().version()).isEqualTo(current.version() + 1);
                assertThat(d.event().reportId()).isEqualTo("r-1");
                assertThat(d.event().actor()).isEqualTo(action == Action.WITHDRAW ? AUTHOR : EDITOR);
                assertThat(d.event().occurredAt()).isEqualTo(NOW);
            } else {
                assertThatThrownBy(() -> perform(action).apply(current))
                        .isInstanceOf(IllegalTransition.class)
                        .extracting("from", "action").containsExactly(status, action);
            }
        }
    }

    @Test
    void aReportGoesThroughItsWholeLife() {
        ReportCase c = caseIn(Status.SUBMITTED);
        var signed = c.signOff(EDITOR, NOW);
        assertThat(signed.next().status()).isEqualTo(Status.SIGNED_OFF);
        assertThat(signed.event()).isInstanceOf(ReportSignedOff.class);

        var assigned = signed.next().assign(EDITOR, DEPT, LocalDate.of(2026, 12, 9), NOW);
        assertThat(assigned.next().status()).isEqualTo(Status.ASSIGNED);
        assertThat(((ReportAssigned) assigned.event()).department()).isEqualTo(DEPT);
        assertThat(((ReportAssigned) assigned.event()).body()).isEqualTo(c.body());

        ReportCase responded = assigned.next()
                .responded(ReportEventMother.responded("r-1", "haikou/longhua", DEPT)).orElseThrow();
        assertThat(responded.status()).isEqualTo(Status.RESPONDED);
        assertThat(responded.response()).isNotBlank();

        var closed = responded.close(EDITOR, Outcome.NOT_ADOPTED, null, NOW);
        assertThat(closed.next().status()).isEqualTo(Status.CLOSED);
        assertThat(((ReportClosed) closed.event()).outcome()).isEqualTo(Outcome.NOT_ADOPTED);
    }

    @Test
    void theAuthorAloneWithdrawsAndAWithdrawnReportIsFinal() {
        var withdrawn = caseIn(Status.SUBMITTED).withdraw(AUTHOR, "需补充材料", NOW);
        assertThat(withdrawn.next().status()).isEqualTo(Status.WITHDRAWN);
        assertThat(((ReportWithdrawn) withdrawn.event()).reason()).isEqualTo("需补充材料");
        assertThatThrownBy(() -> caseIn(Status.SUBMITTED).withdraw(EDITOR, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        for (Action action : Action.values()) {
            assertThatThrownBy(() -> perform(action).apply(withdrawn.next())).isInstanceOf(IllegalTransition.class);
        }
    }

    @Test
    void anAnswerCountsOnlyFromTheAssignedDepartmentWhileTheCaseAwaitsIt() {
        for (Status status : EnumSet.complementOf(EnumSet.of(Status.ASSIGNED))) {
            assertThat(caseIn(status).responded(ReportEventMother.responded("r-1", "haikou/longhua", DEPT))).isEmpty();
        }
        assertThat(caseIn(Status.ASSIGNED).responded(
                ReportEventMother.responded("r-1", "haikou/longhua", "haikou-transport"))).isEmpty();
    }
}
