package io.minyi.feedback.inbox.store;

import io.minyi.contracts.FileRef;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReplyPart;
import io.minyi.feedback.inbox.domain.InboxItem;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Maps inbox documents to items and entries. */
final class InboxDocuments {

    static InboxItem toItem(Document d) {
        String deadline = d.getString("deadline");
        String outcome = d.getString("outcome");
        return new InboxItem(d.getString("reportId"), d.getString("department"), OrgPath.of(d.getString("org")),
                d.getString("title"), d.getString("body"), deadline == null ? null : LocalDate.parse(deadline),
                d.getDate("assignedAt").toInstant(), InboxItem.State.fromWireName(d.getString("state")),
                d.getString("response"), outcome == null ? null : Outcome.valueOf(outcome),
                "co-handler".equals(d.getString("role")) ? InboxItem.Role.CO_HANDLER : InboxItem.Role.LEAD,
                d.getString("extensionAsked") == null ? null : LocalDate.parse(d.getString("extensionAsked")),
                d.getString("officeComment"), d.getString("lead"));
    }

    static InboxEntry toEntry(Document d) {
        List<InboxEntry.Note> notes = new ArrayList<>();
        for (Document n : d.getList("notes", Document.class, List.of())) {
            notes.add(new InboxEntry.Note(n.getString("department"), n.getString("byName"), n.getString("text"),
                    instant(n.getDate("at"))));
        }
        List<ReplyPart> parts = new ArrayList<>();
        Document byDepartment = d.get("parts", Document.class);
        if (byDepartment != null) {
            for (Map.Entry<String, Object> e : byDepartment.entrySet()) {
                Document p = (Document) e.getValue();
                parts.add(new ReplyPart(e.getKey(), p.getString("text"), files(p)));
            }
        }
        List<InboxEntry.Reminder> reminders = new ArrayList<>();
        for (Document r : d.getList("reminders", Document.class, List.of())) {
            reminders.add(new InboxEntry.Reminder(r.getString("kind"), r.getString("note"), r.getString("byName"),
                    r.getString("deadline") == null ? null : LocalDate.parse(r.getString("deadline")), instant(r.getDate("at"))));
        }
        Number seq = (Number) d.get("seq");
        return new InboxEntry(toItem(d), d.getString("topic"), d.getString("urgency"), d.getString("letterNo"),
                d.getString("promisedActions"), files(d), notes, parts, seq == null ? 0 : seq.longValue(),
                instant(d.getDate("changedAt")), reminders);
    }

    static List<Document> toDocuments(List<FileRef> files) {
        return files.stream().map(f -> new Document("id", f.id()).append("name", f.name())
                .append("contentType", f.contentType()).append("size", f.size()).append("sha256", f.sha256())).toList();
    }

    private static List<FileRef> files(Document d) {
        return d.getList("attachments", Document.class, List.of()).stream()
                .map(f -> new FileRef(f.getString("id"), f.getString("name"), f.getString("contentType"),
                        ((Number) f.get("size")).longValue(), f.getString("sha256"))).toList();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private InboxDocuments() {
    }
}
