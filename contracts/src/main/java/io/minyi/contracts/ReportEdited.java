package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/** An editor saved a revision of the text or classification; the author's original stays in intake. */
public record ReportEdited(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                           int revision, String title, String body, String topic, String sector,
                           String urgency, String note) implements ReportEvent {

    public static final String TYPE = "report.edited";

    public ReportEdited {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
