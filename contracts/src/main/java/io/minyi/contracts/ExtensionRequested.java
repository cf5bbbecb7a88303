package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** 申请延期: the lead department asks the office to move its deadline to {@code deadline}, with the reason. */
public record ExtensionRequested(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                                 String department, LocalDate deadline, String reason) implements ReportEvent {

    public static final String TYPE = "assignment.extension-requested";

    public ExtensionRequested {
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
