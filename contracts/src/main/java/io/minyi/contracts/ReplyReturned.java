package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The office reviewed the department's answer and sent it back for more work, with the reason. */
public record ReplyReturned(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                            String department, String reason) implements ReportEvent {

    public static final String TYPE = "report.reply-returned";

    public ReplyReturned {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(reason, "reason");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
