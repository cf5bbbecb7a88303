package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 合并计分: the authors of report {@code merged} (merged into this one) are credited on this report
 * from now on — its sign-off, instructions and adoption count for them as well, and they appear in
 * its byline. Published by the workflow on the report merged into, once per merged report.
 */
public record ReportCredited(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                             String merged, Actor author, List<String> coAuthors) implements ReportEvent {

    public static final String TYPE = "report.credited";

    public ReportCredited {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(author, "author");
        coAuthors = coAuthors == null ? List.of() : List.copyOf(coAuthors);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
