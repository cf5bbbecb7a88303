package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * 签发: a leader of the CPPCC office signed the report off; it goes into the bulletin. The target is
 * the same working day as its (last) submission: {@code sameDay}, else {@code workingDaysLate} after
 * it (both absent in events from before they were added).
 */
public record ReportSignedOff(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String title, Instant submittedAt, Boolean sameDay, Integer workingDaysLate)
        implements ReportEvent {

    public static final String TYPE = "report.signed-off";

    public ReportSignedOff {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    public ReportSignedOff(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor, String title) {
        this(eventId, occurredAt, reportId, org, actor, title, null, null, null);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
