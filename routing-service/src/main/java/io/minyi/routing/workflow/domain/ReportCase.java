package io.minyi.routing.workflow.domain;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.ReportWithdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A report as the workflow sees it. Every office action is a pure function from the current case to
 * the next case and the one event that records the change; an action the state does not allow throws
 * {@link IllegalTransition}. {@code version} guards against two editors overwriting each other.
 */
public record ReportCase(String id, OrgPath org, String authorId, String title, String body, Status status,
                         long version, String department, LocalDate deadline, String response, Outcome outcome) {

    public ReportCase {
        Objects.requireNonNull(id);
        Objects.requireNonNull(org);
        Objects.requireNonNull(status);
    }

    /** A submitted report arrives at the office. */
    public static ReportCase received(ReportSubmitted event) {
        return new ReportCase(event.reportId(), event.org(), event.actor().id(), event.title(), event.body(),
                Status.SUBMITTED, 0, null, null, null, null);
    }

    public boolean isAuthor(Actor actor) {
        return actor.id().equals(authorId);
    }

    /** The author takes the report back before the office has started on it. */
    public Decision withdraw(Actor author, String reason, Instant now) {
        require(Status.SUBMITTED, Action.WITHDRAW);
        if (!isAuthor(author)) {
            throw new IllegalArgumentException("only the author withdraws a report");
        }
        return new Decision(with(Status.WITHDRAWN, department, deadline, response, outcome),
                new ReportWithdrawn(UUID.randomUUID(), now, id, org, author, reason));
    }

    public Decision signOff(Actor editor, Instant now) {
        require(Status.SUBMITTED, Action.SIGN_OFF);
        return new Decision(with(Status.SIGNED_OFF, department, deadline, response, outcome),
                new ReportSignedOff(UUID.randomUUID(), now, id, org, editor, title));
    }

    public Decision assign(Actor editor, String toDepartment, LocalDate due, Instant now) {
        require(Status.SIGNED_OFF, Action.ASSIGN);
        Objects.requireNonNull(toDepartment, "department");
        Objects.requireNonNull(due, "deadline");
        return new Decision(with(Status.ASSIGNED, toDepartment, due, response, outcome),
                new ReportAssigned(UUID.randomUUID(), now, id, org, editor, toDepartment, due, title, body));
    }

    /** The assigned department answered; a repeated or late answer changes nothing. */
    public Optional<ReportCase> responded(ReportResponded event) {
        if (status != Status.ASSIGNED || !event.department().equals(department)) {
            return Optional.empty();
        }
        return Optional.of(with(Status.RESPONDED, department, deadline, event.response(), outcome));
    }

    public Decision close(Actor editor, Outcome result, String comment, Instant now) {
        require(Status.RESPONDED, Action.CLOSE);
        Objects.requireNonNull(result, "outcome");
        return new Decision(with(Status.CLOSED, department, deadline, response, result),
                new ReportClosed(UUID.randomUUID(), now, id, org, editor, result, comment));
    }

    private void require(Status expected, Action action) {
        if (status != expected) {
            throw new IllegalTransition(status, action);
        }
    }

    private ReportCase with(Status next, String dept, LocalDate due, String answer, Outcome result) {
        return new ReportCase(id, org, authorId, title, body, next, version + 1, dept, due, answer, result);
    }

    /** The next state of the case and the event recording the change. */
    public record Decision(ReportCase next, ReportEvent event) {
    }
}
