package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * 撤回: the author withdrew a submitted report before the office started editing it. Final: the
 * report leaves every queue and is not counted as received.
 */
public record ReportWithdrawn(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String reason) implements ReportEvent {

    public static final String TYPE = "report.withdrawn";

    public ReportWithdrawn {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
