package io.minyi.feedback.inbox.store;

import io.minyi.contracts.FileRef;
import io.minyi.contracts.ReplyPart;
import io.minyi.feedback.inbox.domain.InboxItem;

import java.time.Instant;
import java.util.List;

/**
 * An inbox item as stored: the item, what departments' filters use (topic, urgency), the reply letter's
 * details, progress notes, the co-handlers' parts (on the lead's item), and the change sequence number
 * that cursors follow.
 */
public record InboxEntry(InboxItem item, String topic, String urgency, String letterNo, String promisedActions,
                         List<FileRef> attachments, List<Note> notes, List<ReplyPart> parts, long seq,
                         Instant changedAt, List<Reminder> reminders) {

    /** 督办: a reminder the department got — {@code due-soon}, {@code overdue} or {@code urged} (催办 with the office's note). */
    public record Reminder(String kind, String note, String byName, java.time.LocalDate deadline, Instant at) {
    }

    /** 办理进展: who noted what, when. */
    public record Note(String department, String byName, String text, Instant at) {
    }
}
