package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** 签发: the CPPCC office signed the report off; it goes into the bulletin. */
public record ReportSignedOff(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String title) implements ReportEvent {

    public static final String TYPE = "report.signed-off";

    public ReportSignedOff {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
