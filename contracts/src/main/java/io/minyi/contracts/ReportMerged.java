package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 合并: the report was merged into another ({@code into}) reporting the same problem; its author and
 * co-authors are credited on that one. Final.
 */
public record ReportMerged(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                           String into, Actor author, List<String> coAuthors) implements ReportEvent {

    public static final String TYPE = "report.merged";

    public ReportMerged {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(into, "into");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
