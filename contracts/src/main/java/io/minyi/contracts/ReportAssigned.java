package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * 交办: the office assigned the report to a lead department ({@code department}), with a deadline,
 * and optionally to co-handling departments (会办) that contribute to the lead's answer. A later
 * assignment of the same report replaces the earlier one (a re-assignment). {@code topic} and
 * {@code urgency} (wire names, for departments' filters) were added in schema 1 later; may be null.
 */
public record ReportAssigned(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                             String department, LocalDate deadline, String title, String body,
                             List<String> coHandlers, String topic, String urgency) implements ReportEvent {

    public static final String TYPE = "report.assigned";

    public ReportAssigned {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    public ReportAssigned(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                          String department, LocalDate deadline, String title, String body) {
        this(eventId, occurredAt, reportId, org, actor, department, deadline, title, body, List.of(), null, null);
    }

    public ReportAssigned(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                          String department, LocalDate deadline, String title, String body, List<String> coHandlers) {
        this(eventId, occurredAt, reportId, org, actor, department, deadline, title, body, coHandlers, null, null);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
