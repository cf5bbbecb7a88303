package io.minyi.feedback.inbox.domain;

import io.minyi.contracts.Actor;
import io.minyi.privacy.PersonalDataScanner;
import io.minyi.contracts.AssignmentAccepted;
import io.minyi.contracts.AssignmentBounced;
import io.minyi.contracts.ExtensionRequested;
import io.minyi.contracts.AssignmentPartSubmitted;
import io.minyi.contracts.AssignmentProgressNoted;
import io.minyi.contracts.FileRef;
import io.minyi.contracts.ReplyPart;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportEvent;
import io.minyi.contracts.ReportResponded;
import io.minyi.contracts.WireNamed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A report assigned to a department, as that department's handler sees it: as the lead department,
 * which accepts it (or bounces it), asks for more time and answers, or as a co-handling one (会办),
 * which sees it.
 */
public record InboxItem(String reportId, String department, OrgPath org, String title, String body,
                        LocalDate deadline, Instant assignedAt, State state, String response, Outcome outcome,
                        Role role, LocalDate extensionAsked, String officeComment, String lead) {

    /**
     * Answers and notes travel to the office, the author and the statistics: contact details written into
     * them are masked (a constituent's phone stays in intake, sealed; a department's own hotline is masked too).
     */
    private static final PersonalDataScanner MASK = new PersonalDataScanner();


    public enum State implements WireNamed {
        ASSIGNED("assigned", "待办理"),
        HANDLING("handling", "办理中"),
        RESPONDED("responded", "已答复"),
        BOUNCED("bounced", "已退回"),
        REASSIGNED("reassigned", "已改派"),
        CLOSED("closed", "已办结");

        private final Names names;

        State(String wireName, String label) {
            this.names = new Names(wireName, label);
        }

        @Override
        public Names names() {
            return names;
        }

        public static State fromWireName(String name) {
            return WireNamed.fromWireName(State.class, name);
        }
    }

    public enum Role implements WireNamed {
        LEAD("lead", "主办"),
        CO_HANDLER("co-handler", "会办");

        private final Names names;

        Role(String wireName, String label) {
            this.names = new Names(wireName, label);
        }

        @Override
        public Names names() {
            return names;
        }
    }

    /** The items an assignment puts into inboxes: the lead department's and each co-handler's. */
    public static List<InboxItem> assigned(ReportAssigned event) {
        List<InboxItem> items = new ArrayList<>();
        items.add(item(event, event.department(), Role.LEAD));
        event.coHandlers().forEach(d -> items.add(item(event, d, Role.CO_HANDLER)));
        return items;
    }

    private static InboxItem item(ReportAssigned e, String department, Role role) {
        return new InboxItem(e.reportId(), department, e.org(), e.title(), e.body(), e.deadline(), e.occurredAt(),
                State.ASSIGNED, null, null, role, null, null, e.department());
    }

    public String id() {
        return id(reportId, department);
    }

    public static String id(String reportId, String department) {
        return reportId + "|" + department;
    }

    /** 办理: the lead department takes the item up; it can no longer bounce it. */
    public Step accept(Actor handler, Instant now) {
        requireLead(State.ASSIGNED);
        return new Step(with(State.HANDLING, null, extensionAsked),
                new AssignmentAccepted(UUID.randomUUID(), now, reportId, org, handler, department));
    }

    /**
     * The lead department answers (答复函): its text, letter number, promises and attachments, with the
     * co-handling departments' parts merged in; only an item still awaiting its answer can be answered.
     */
    public Step respond(Actor handler, Reply reply, List<ReplyPart> parts, Instant now) {
        requireLead(State.ASSIGNED, State.HANDLING);
        String text = MASK.mask(reply.text());
        return new Step(with(State.RESPONDED, text, extensionAsked),
                new ReportResponded(UUID.randomUUID(), now, reportId, org, handler, department, text,
                        reply.letterNo(), reply.promisedActions(), parts, reply.attachments()));
    }

    /** The formal reply: text, the letter's number (文号), what the department promises to do, attachments. */
    public record Reply(String text, String letterNo, String promisedActions, List<FileRef> attachments) {
        public Reply {
            java.util.Objects.requireNonNull(text, "text");
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** 会办意见: a co-handling department gives its part once; the lead's answer merges it. */
    public Step contribute(Actor handler, String text, List<FileRef> attachments, Instant now) {
        if (role != Role.CO_HANDLER) {
            throw new NotACoHandler();
        }
        requireState(State.ASSIGNED, State.HANDLING);
        String masked = MASK.mask(text);
        return new Step(with(State.RESPONDED, masked, null), new AssignmentPartSubmitted(UUID.randomUUID(), now,
                reportId, org, handler, department, lead, masked, attachments));
    }

    /** 办理进展: the lead or a co-handler notes how far it got, while the item is open. */
    public Step note(Actor handler, String text, Instant now) {
        requireState(State.ASSIGNED, State.HANDLING);
        return new Step(this, new AssignmentProgressNoted(UUID.randomUUID(), now, reportId, org, handler, department,
                MASK.mask(text)));
    }

    /** 退回/申请改派: the lead department says the item is not theirs; the office re-assigns it. */
    public Step bounce(Actor handler, String reason, Instant now) {
        requireLead(State.ASSIGNED);
        return new Step(with(State.BOUNCED, null, null),
                new AssignmentBounced(UUID.randomUUID(), now, reportId, org, handler, department, reason));
    }

    /** 申请延期: one request at a time, for a later deadline than the current one. */
    public Step askForExtension(Actor handler, LocalDate until, String reason, Instant now) {
        requireLead(State.ASSIGNED, State.HANDLING);
        if (extensionAsked != null) {
            throw new IllegalStateException("an extension request is waiting already");
        }
        if (!until.isAfter(deadline)) {
            throw new IllegalArgumentException("the new deadline must be later than " + deadline);
        }
        return new Step(with(state, response, until),
                new ExtensionRequested(UUID.randomUUID(), now, reportId, org, handler, department, until, reason));
    }

    private void requireLead(State... allowed) {
        if (role != Role.LEAD) {
            throw new NotTheLead();
        }
        requireState(allowed);
    }

    private void requireState(State... allowed) {
        if (!List.of(allowed).contains(state)) {
            throw new IllegalStateException("the item is " + state.wireName());
        }
    }

    private InboxItem with(State next, String answer, LocalDate asked) {
        return new InboxItem(reportId, department, org, title, body, deadline, assignedAt, next, answer, outcome, role,
                asked, officeComment, lead);
    }

    /** The item after a department's action, and the event recording it. */
    public record Step(InboxItem next, ReportEvent event) {
    }

    /** Only co-handling departments give parts; the lead answers. */
    public static class NotACoHandler extends RuntimeException {
        public NotACoHandler() {
            super("only a co-handling department gives a part of the answer");
        }
    }

    /** Only the lead department answers, bounces or asks for more time. */
    public static class NotTheLead extends RuntimeException {
        public NotTheLead() {
            super("only the lead department does this");
        }
    }
}
