package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 答复: the lead department answered the report (答复函): its text, the letter's number, what it
 * promises to do (for a later 回头看), the co-handling departments' parts merged in, and the letter's
 * attachments. All but {@code response} were added in schema 1 later; consumers accept their absence.
 */
public record ReportResponded(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String department, String response, String letterNo, String promisedActions,
                              List<ReplyPart> parts, List<FileRef> attachments) implements ReportEvent {

    public static final String TYPE = "report.responded";

    public ReportResponded {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(response, "response");
        parts = parts == null ? List.of() : List.copyOf(parts);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public ReportResponded(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                           String department, String response) {
        this(eventId, occurredAt, reportId, org, actor, department, response, null, null, List.of(), List.of());
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
