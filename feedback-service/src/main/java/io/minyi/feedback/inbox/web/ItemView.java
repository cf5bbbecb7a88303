package io.minyi.feedback.inbox.web;

import io.minyi.contracts.FileRef;
import io.minyi.contracts.ReplyPart;
import io.minyi.feedback.inbox.domain.InboxItem;
import io.minyi.feedback.inbox.store.InboxEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/** An inbox item as a department (and its system) reads it; {@code seq} is its place in the change feed. */
public record ItemView(String reportId, String org, String title, String body, String topic, String urgency,
                LocalDate deadline, Instant assignedAt, String state, String stateLabel, String role, String roleLabel,
                String lead, String response, String letterNo, String promisedActions, List<FileRef> attachments,
                List<ReplyPart> parts, List<InboxEntry.Note> notes, String outcome, LocalDate extensionAsked,
                String officeComment, long seq, Instant changedAt, String department, String departmentName,
                String leadName, List<InboxEntry.Reminder> reminders) {

    /** {@code names}: a department's name by its code, from the registry. */
    public static ItemView of(InboxEntry e, UnaryOperator<String> names) {
        InboxItem i = e.item();
        return new ItemView(i.reportId(), i.org().value(), i.title(), i.body(), e.topic(), e.urgency(), i.deadline(),
                i.assignedAt(), i.state().wireName(), i.state().label(), i.role().wireName(), i.role().label(),
                i.lead(), i.response(), e.letterNo(), e.promisedActions(), e.attachments(), e.parts(), e.notes(),
                i.outcome() == null ? null : i.outcome().name().toLowerCase().replace('_', '-'), i.extensionAsked(),
                i.officeComment(), e.seq(), e.changedAt(), i.department(), names.apply(i.department()),
                names.apply(i.lead()), e.reminders());
    }
}
