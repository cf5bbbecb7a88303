package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 答复: the department answered the report. */
public record ReportResponded(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String department, String response) implements ReportEvent {

    public static final String TYPE = "report.responded";

    public ReportResponded {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(response, "response");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
