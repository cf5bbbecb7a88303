package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 会办意见: a co-handling department gave its part of the answer; the lead department's answer merges it. */
public record AssignmentPartSubmitted(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                      String department, String lead, String text, java.util.List<FileRef> attachments)
        implements ReportEvent {

    public static final String TYPE = "assignment.part-submitted";

    public AssignmentPartSubmitted {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(text, "text");
        attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
