package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The office decided an author's request to reopen the report: approved, the lead {@code department}
 * handles it again until {@code deadline}; refused, it stays closed. {@code comment} says why.
 */
public record ReopenDecided(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                            boolean approved, String comment, String department, LocalDate deadline)
        implements ReportEvent {

    public static final String TYPE = "report.reopen-decided";

    public ReopenDecided {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        if (approved) {
            Objects.requireNonNull(department, "department");
        }
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
