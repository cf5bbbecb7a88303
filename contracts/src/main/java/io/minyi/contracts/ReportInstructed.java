package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * 批示: a party or government leader wrote an instruction on the report — who ({@code actor}), their
 * rank, the text; {@code ordersAssignment} when it orders the report handled by a department.
 */
public record ReportInstructed(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                               String rank, String text, boolean ordersAssignment) implements ReportEvent {

    public static final String TYPE = "report.instructed";

    public ReportInstructed {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(text, "text");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
