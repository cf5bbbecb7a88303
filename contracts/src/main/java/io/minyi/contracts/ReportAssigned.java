package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 交办: the office assigned the report to a department, with a deadline. */
public record ReportAssigned(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                             String department, LocalDate deadline, String title, String body)
        implements ReportEvent {

    public static final String TYPE = "report.assigned";

    public ReportAssigned {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
