package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The office approved or refused a deadline extension; {@code deadline} is the deadline from now on —
 * the one asked for when approved, else the old one moved by the working days the request waited
 * (the clock was paused meanwhile).
 */
public record ExtensionDecided(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                               String department, boolean approved, LocalDate deadline, String comment)
        implements ReportEvent {

    public static final String TYPE = "assignment.extension-decided";

    public ExtensionDecided {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(deadline, "deadline");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
