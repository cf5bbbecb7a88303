package io.minyi.routing.workflow.domain;

import io.minyi.contracts.ChinaTime;
import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.AssignmentAccepted;
import io.minyi.contracts.AssignmentBounced;
import io.minyi.contracts.ExtensionDecided;
import io.minyi.contracts.AssignmentDeadlineRecomputed;
import io.minyi.contracts.AssignmentUrged;
import io.minyi.contracts.ExtensionRequested;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportClosed;
import io.minyi.contracts.ReportEditingStarted;
import io.minyi.contracts.ReportEdited;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportForwarded;
import io.minyi.contracts.ReportInstructed;
import io.minyi.contracts.LeaderLevel;
import io.minyi.contracts.FileRef;
import io.minyi.contracts.ReportMerged;
import io.minyi.contracts.ReportOutcomeDecided;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.ReopenDecided;
import io.minyi.contracts.ReplyReturned;
import io.minyi.contracts.ReportRejected;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.ReportResubmitted;
import io.minyi.contracts.ReportReturned;
import io.minyi.contracts.ReportSignedOff;
import io.minyi.contracts.ReportStatus;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.contracts.ReportWithdrawn;
import io.minyi.routing.calendar.domain.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A report as the workflow sees it. Every action is a pure function from the current case to the next
 * case, the one event that records the change and, when the content changed, the new revision; an
 * action the state does not allow throws {@link IllegalTransition} (see {@link Action#from()}).
 * {@code version} guards against two people overwriting each other.
 */
public record ReportCase(String id, OrgPath org, Actor author, List<String> coAuthors, Content content,
                         int revision, ReportStatus status, long version, Assignment assignment, Outcome outcome,
                         Instant submittedAt, OrgPath level, List<LevelResult> trail) {

    /** Dates of the workflow are China Standard Time dates. */
    public static final ZoneId ZONE = ChinaTime.ZONE;

    /**
     * The lead department an item is assigned to, the co-handling ones, by when, the answer, and an
     * extension the lead asked for that the office has not decided yet (the clock is paused meanwhile).
     */
    public record Assignment(String department, List<String> coHandlers, LocalDate deadline, String response,
                             Extension extension, Term term) {
        public Assignment {
            coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        }

        /** A deadline that moves (an extension decided) is the office's date from then on: no term any more. */
        Assignment with(LocalDate due, String answer, Extension pending) {
            return new Assignment(department, coHandlers, due, answer, pending, due.equals(deadline) ? term : null);
        }
    }

    /**
     * 办理时限 counted by the deadline rules: {@code workingDays} working days from {@code from}. Kept with
     * the assignment so that a later change of the working calendar can count them again; null when the
     * office set the date itself.
     */
    public record Term(LocalDate from, int workingDays) {
        public Term {
            Objects.requireNonNull(from, "from");
        }

        public LocalDate due(WorkingCalendar calendar) {
            return calendar.plusWorkingDays(from, workingDays);
        }
    }

    /** 申请延期: the deadline asked for, why, and since when the request waits. */
    public record Extension(LocalDate deadline, String reason, Instant requestedAt) {
    }

    public ReportCase {
        Objects.requireNonNull(id);
        Objects.requireNonNull(org);
        Objects.requireNonNull(author);
        Objects.requireNonNull(content);
        Objects.requireNonNull(status);
        Objects.requireNonNull(submittedAt);
        coAuthors = coAuthors == null ? List.of() : List.copyOf(coAuthors);
        level = level == null ? org : level;
        trail = trail == null ? List.of() : List.copyOf(trail);
    }

    /** A submitted report arrives at the office; its content is revision 1, the author's original. */
    public static ReportCase received(ReportSubmitted e) {
        return new ReportCase(e.reportId(), e.org(), e.actor(), e.coAuthors(), original(e), 1, ReportStatus.SUBMITTED, 0,
                null, null, e.occurredAt(), e.org(), List.of());
    }

    /** Revision 1 of a submitted report: the author's original. */
    public static Revision originalRevision(ReportSubmitted e) {
        return new Revision(1, e.occurredAt(), e.actor(), Revision.Kind.ORIGINAL, original(e), null);
    }

    private static Content original(ReportSubmitted e) {
        return new Content(e.title(), e.body(), e.topic(), e.sector(), e.urgency());
    }

    public boolean isAuthor(Actor actor) {
        return actor.id().equals(author.id());
    }

    public String title() {
        return content.title();
    }

    public Decision startEditing(Actor editor, Instant now) {
        require(Action.START_EDITING);
        return decided(ReportStatus.EDITING, new ReportEditingStarted(UUID.randomUUID(), now, id, org, editor));
    }

    /** An editor saves a revision of the text or classification; something must have changed. */
    public Decision edit(Actor editor, Content revised, String note, Instant now) {
        require(Action.EDIT);
        if (revised.equals(content)) {
            throw new NothingChanged();
        }
        int next = revision + 1;
        ReportCase c = with(ReportStatus.EDITING, revised, next, assignment, outcome);
        return new Decision(c, new ReportEdited(UUID.randomUUID(), now, id, org, editor, next, revised.title(),
                revised.body(), revised.topic(), revised.sector(), revised.urgency(), note),
                new Revision(next, now, editor, Revision.Kind.EDIT, revised, note));
    }

    public Decision returnToAuthor(Actor editor, String reason, Instant now) {
        require(Action.RETURN);
        return decided(ReportStatus.RETURNED, new ReportReturned(UUID.randomUUID(), now, id, org, editor,
                Objects.requireNonNull(reason, "reason")));
    }

    /** The author sends a returned report back with a revised title and text; it waits for the office again. */
    public Decision resubmit(Actor by, String title, String body, Instant now) {
        require(Action.RESUBMIT);
        requireAuthor(by);
        Content revised = new Content(title, body, content.topic(), content.sector(), content.urgency());
        int next = revision + 1;
        ReportCase back = new ReportCase(id, org, author, coAuthors, revised, next, ReportStatus.SUBMITTED,
                version + 1, assignment, outcome, now, level, trail); // the same-day clock starts again
        return new Decision(back, new ReportResubmitted(UUID.randomUUID(), now, id, org, by, next, title, body),
                new Revision(next, now, by, Revision.Kind.RESUBMISSION, revised, null));
    }

    public Decision reject(Actor editor, String reason, Instant now) {
        require(Action.REJECT);
        return decided(ReportStatus.REJECTED, new ReportRejected(UUID.randomUUID(), now, id, org, editor,
                Objects.requireNonNull(reason, "reason")));
    }

    /** Folds this report into {@code target}, which reports the same problem; this one ends, its authors are credited there. */
    public Decision mergeInto(ReportCase target, Actor editor, Instant now) {
        require(Action.MERGE);
        if (target.id.equals(id) || target.status.isFinal()) {
            throw new IllegalArgumentException("cannot merge into " + target.id + " (" + target.status + ")");
        }
        return decided(ReportStatus.MERGED, new ReportMerged(UUID.randomUUID(), now, id, org, editor, target.id, author,
                coAuthors));
    }

    /**
     * 签发, against the target of the same working day as the (last) submission: a report submitted on
     * a holiday or weekend is due the next working day.
     */
    public Decision signOff(Actor leader, Instant now, WorkingCalendar calendar) {
        require(Action.SIGN_OFF);
        LocalDate due = calendar.onOrAfter(LocalDate.ofInstant(submittedAt, ZONE));
        LocalDate signed = LocalDate.ofInstant(now, ZONE);
        int late = calendar.workingDaysBetween(due, signed);
        return decided(ReportStatus.SIGNED_OFF, new ReportSignedOff(UUID.randomUUID(), now, id, org, leader, title(),
                submittedAt, !signed.isAfter(due), late));
    }

    /** 交办 to a lead department and optional co-handling ones; a co-handler is never the lead as well. */
    /** 报送 to the party and government leaders of the handling body's level. */
    public Decision forward(Actor editor, Instant now) {
        require(Action.FORWARD);
        return decided(ReportStatus.FORWARDED, new ReportForwarded(UUID.randomUUID(), now, id, org, editor, level,
                level));
    }

    /**
     * 报送上级: the body one level up handles the report next — it edits, signs off and decides its own
     * adoption — while this body's result is kept on the trail. The report stays one item.
     */
    public Decision forwardUp(Actor editor, Instant now) {
        require(Action.FORWARD_UP);
        OrgPath upper = level.parent().orElseThrow(() -> new IllegalArgumentException(level + " is a top-level body"));
        List<LevelResult> climbed = new java.util.ArrayList<>(trail);
        climbed.add(new LevelResult(level, status, outcome, now));
        ReportCase next = new ReportCase(id, org, author, coAuthors, content, revision, ReportStatus.FORWARDED_UP,
                version + 1, null, null, now, upper, climbed);
        return new Decision(next, new ReportForwarded(UUID.randomUUID(), now, id, org, editor, level, upper), null);
    }

    /**
     * Who gave an instruction: the leader's name, post (职务) and level; for one given on paper, the date
     * on it and its scanned page.
     */
    public record Leader(String name, String post, LeaderLevel level, LocalDate givenOn, FileRef scan) {

        public static Leader ofAccount(Actor leader, String post, LeaderLevel level) {
            return new Leader(leader.name(), post, level, null, null);
        }
    }

    /** 批示 by the leader themselves; one ordering assignment waits in 待交办, one that does not for the outcome. */
    public Decision instruct(Actor leader, String rank, String text, boolean ordersAssignment, Instant now) {
        return instruct(leader, Leader.ofAccount(leader, rank, null), text, ordersAssignment, now);
    }

    public Decision instruct(Actor actor, Leader leader, String text, boolean ordersAssignment, Instant now) {
        require(Action.INSTRUCT);
        return instructed(actor, leader, text, ordersAssignment, false, now);
    }

    /** 录入批示: the office enters what a leader without an account instructed on paper. */
    public Decision recordInstruction(Actor editor, Leader leader, String text, boolean ordersAssignment, Instant now) {
        require(Action.RECORD_INSTRUCTION);
        Objects.requireNonNull(leader.name(), "leader's name");
        Objects.requireNonNull(leader.level(), "leader's level");
        Objects.requireNonNull(leader.givenOn(), "date of the instruction");
        return instructed(editor, leader, text, ordersAssignment, true, now);
    }

    private Decision instructed(Actor actor, Leader leader, String text, boolean ordersAssignment, boolean recorded,
                                Instant now) {
        return decided(ReportStatus.INSTRUCTED, new ReportInstructed(UUID.randomUUID(), now, id, org, actor,
                leader.post(), Objects.requireNonNull(text, "text"), ordersAssignment, leader.name(), leader.level(),
                leader.givenOn(), recorded, leader.scan()));
    }

    public Decision assign(Actor editor, String lead, List<String> coHandlers, LocalDate due, Instant now) {
        return assign(editor, lead, coHandlers, due, null, now);
    }

    /** Assigned with the deadline {@code due}, counted by {@code term} (null: a date the office set). */
    public Decision assign(Actor editor, String lead, List<String> coHandlers, LocalDate due, Term term, Instant now) {
        require(Action.ASSIGN);
        Objects.requireNonNull(lead, "department");
        Objects.requireNonNull(due, "deadline");
        List<String> others = coHandlers.stream().filter(d -> !d.equals(lead)).distinct().toList();
        return new Decision(with(ReportStatus.ASSIGNED, content, revision, new Assignment(lead, others, due, null, null,
                term),
                outcome), new ReportAssigned(UUID.randomUUID(), now, id, org, editor, lead, due, title(),
                content.body(), others, content.topic(), content.urgency()), null);
    }

    /** The assigned department answered; a repeated or late answer, or one from another department, changes nothing. */
    public Optional<ReportCase> responded(ReportResponded event) {
        if (!awaitingAnswer() || !event.department().equals(assignment.department())) {
            return Optional.empty();
        }
        return Optional.of(with(ReportStatus.RESPONDED, content, revision,
                assignment.with(assignment.deadline(), event.response(), null), outcome));
    }

    /** The lead department accepted it and works on it (办理中). */
    public Optional<ReportCase> accepted(AssignmentAccepted event) {
        if (status != ReportStatus.ASSIGNED || !event.department().equals(assignment.department())) {
            return Optional.empty();
        }
        return Optional.of(with(ReportStatus.HANDLING, content, revision, assignment, outcome));
    }

    /** Assigned and not answered yet: the department has it, accepted or not. */
    public boolean awaitingAnswer() {
        return (status == ReportStatus.ASSIGNED || status == ReportStatus.HANDLING) && assignment != null;
    }

    /** The lead department sent it back (退回/申请改派): it waits for the office to re-assign it. */
    public Optional<ReportCase> bounced(AssignmentBounced event) {
        if (status != ReportStatus.ASSIGNED || !event.department().equals(assignment.department())) {
            return Optional.empty();
        }
        return Optional.of(with(ReportStatus.BOUNCED, content, revision, assignment.with(assignment.deadline(), null,
                null), outcome));
    }

    /** The lead department asked for more time: the request waits for the office, the deadline clock paused. */
    public Optional<ReportCase> extensionRequested(ExtensionRequested event) {
        if (!awaitingAnswer() || !event.department().equals(assignment.department())
                || assignment.extension() != null) {
            return Optional.empty();
        }
        return Optional.of(with(status, content, revision, assignment.with(assignment.deadline(), null,
                new Extension(event.deadline(), event.reason(), event.occurredAt())), outcome));
    }

    /**
     * The office decides an extension request: approved, the deadline asked for (never earlier than the
     * current one); refused, the current deadline moved by the working days the request waited.
     */
    public Decision decideExtension(Actor editor, boolean approved, String comment, Instant now,
                                    WorkingCalendar calendar) {
        require(Action.DECIDE_EXTENSION);
        Extension pending = assignment.extension();
        if (pending == null) {
            throw new NoExtensionRequest();
        }
        int paused = calendar.workingDaysBetween(LocalDate.ofInstant(pending.requestedAt(), ZONE),
                LocalDate.ofInstant(now, ZONE));
        LocalDate due = approved && pending.deadline().isAfter(assignment.deadline()) ? pending.deadline()
                : approved ? assignment.deadline() : calendar.plusWorkingDays(assignment.deadline(), paused);
        return new Decision(with(status, content, revision, assignment.with(due, null, null), outcome),
                new ExtensionDecided(UUID.randomUUID(), now, id, org, editor, assignment.department(), approved, due,
                        comment), null);
    }

    /**
     * The working calendar changed: a deadline counted by the rules is counted again, and if it falls on
     * another date the department gets the new one (event {@code assignment.deadline-recomputed}). A date
     * the office set, an answered or closed assignment, or one whose date stays, changes nothing.
     * {@code changedYear} names the calendar year that changed; null: the later of the two dates' year.
     */
    public Optional<Decision> recountDeadline(WorkingCalendar calendar, Integer changedYear, Instant now) {
        if (!awaitingAnswer() || assignment.term() == null) {
            return Optional.empty();
        }
        LocalDate due = assignment.term().due(calendar);
        if (due.equals(assignment.deadline())) {
            return Optional.empty();
        }
        Assignment recounted = new Assignment(assignment.department(), assignment.coHandlers(), due,
                assignment.response(), assignment.extension(), assignment.term());
        return Optional.of(new Decision(with(status, content, revision, recounted, outcome),
                new AssignmentDeadlineRecomputed(UUID.randomUUID(), now, id, org, Actor.SYSTEM, assignment.department(),
                        assignment.deadline(), due, changedYear != null ? changedYear
                        : (due.isAfter(assignment.deadline()) ? due : assignment.deadline()).getYear()), null));
    }

    /** 催办: the office presses the lead department to answer; the case stays as it is. */
    public Decision urge(Actor editor, String note, Instant now) {
        require(Action.URGE);
        return new Decision(with(status, content, revision, assignment, outcome), new AssignmentUrged(UUID.randomUUID(),
                now, id, org, editor, assignment.department(), assignment.deadline(), note), null);
    }

    /** A decision on an extension nobody asked for. */
    public static class NoExtensionRequest extends RuntimeException {
        public NoExtensionRequest() {
            super("no extension request is pending");
        }
    }

    /** The office reviewed the answer and sends it back for more work; the department handles it again. */
    public Decision returnReply(Actor editor, String reason, Instant now) {
        require(Action.RETURN_REPLY);
        return new Decision(with(ReportStatus.HANDLING, content, revision, assignment.with(assignment.deadline(), null,
                null), outcome), new ReplyReturned(UUID.randomUUID(), now, id, org, editor, assignment.department(),
                Objects.requireNonNull(reason, "reason")), null);
    }

    /** 采纳 or not: recorded once the report was signed off (used as it is) or the department answered. */
    public Decision decide(Actor editor, Outcome result, String comment, AdoptionLevel adoptedBy, String evidence,
                           Instant now) {
        require(Action.DECIDE);
        Objects.requireNonNull(result, "outcome");
        boolean adopted = result == Outcome.ADOPTED;
        if (adopted && adoptedBy == null) {
            throw new NullPointerException("adoptionLevel");
        }
        return new Decision(with(adopted ? ReportStatus.ADOPTED : ReportStatus.NOT_ADOPTED, content, revision,
                assignment, result), new ReportOutcomeDecided(UUID.randomUUID(), now, id, org, editor, result, comment,
                level, adopted ? adoptedBy : null, adopted ? evidence : null), null);
    }

    /**
     * The office decides an author's request to reopen the closed report: approved, the lead department
     * handles it again until {@code due}; refused, it stays closed.
     */
    public Decision decideReopen(Actor editor, boolean approved, String comment, LocalDate due, Instant now) {
        return decideReopen(editor, approved, comment, due, null, now);
    }

    /** As above, the new deadline counted by {@code term} (null: a date the office set). */
    public Decision decideReopen(Actor editor, boolean approved, String comment, LocalDate due, Term term,
                                 Instant now) {
        require(Action.DECIDE_REOPEN);
        if (!approved) {
            return decided(status, new ReopenDecided(UUID.randomUUID(), now, id, org, editor, false, comment, null,
                    null));
        }
        if (assignment == null) {
            throw new NotAssigned();
        }
        Assignment again = new Assignment(assignment.department(), assignment.coHandlers(), due, null, null, term);
        return new Decision(with(ReportStatus.HANDLING, content, revision, again, null),
                new ReopenDecided(UUID.randomUUID(), now, id, org, editor, true, comment, assignment.department(), due),
                null);
    }

    /** Reopening for more handling needs a department that handled the report before. */
    public static class NotAssigned extends RuntimeException {
        public NotAssigned() {
            super("the report was never assigned to a department");
        }
    }

    /** 办结: the author is told the outcome decided before. */
    public Decision close(Actor editor, String comment, Instant now) {
        require(Action.CLOSE);
        return decided(ReportStatus.CLOSED, new ReportClosed(UUID.randomUUID(), now, id, org, editor, outcome, comment));
    }

    /** The author takes the report back before the office has started on it. */
    public Decision withdraw(Actor by, String reason, Instant now) {
        require(Action.WITHDRAW);
        requireAuthor(by);
        return decided(ReportStatus.WITHDRAWN, new ReportWithdrawn(UUID.randomUUID(), now, id, org, by, reason));
    }

    private void require(Action action) {
        if (!action.from().contains(status)) {
            throw new IllegalTransition(status, action);
        }
    }

    private void requireAuthor(Actor actor) {
        if (!isAuthor(actor)) {
            throw new IllegalArgumentException("only the author may do this");
        }
    }

    private Decision decided(ReportStatus next, ReportEvent event) {
        return new Decision(with(next, content, revision, assignment, outcome), event, null);
    }

    private ReportCase with(ReportStatus next, Content text, int rev, Assignment assigned, Outcome result) {
        return new ReportCase(id, org, author, coAuthors, text, rev, next, version + 1, assigned, result, submittedAt,
                level, trail);
    }

    /** The next state of the case, the event recording the change and the new revision, if the content changed. */
    public record Decision(ReportCase next, ReportEvent event, Revision revision) {
    }

    /** An edit that changes nothing is refused: it would only add an empty revision. */
    public static class NothingChanged extends RuntimeException {
        public NothingChanged() {
            super("the revision changes nothing");
        }
    }
}
