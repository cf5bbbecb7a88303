package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * 办理期限重算: the working calendar changed after the report was assigned (a holiday or a 调休 working
 * weekend declared later), so a deadline counted in working days falls on another date. {@code previous}
 * is the deadline before, {@code deadline} the one from now on; {@code calendarYear} names the year
 * whose calendar changed. Only deadlines counted by the rules move; a date the office set stays. The
 * actor is the system.
 */
public record AssignmentDeadlineRecomputed(UUID eventId, Instant occurredAt, String reportId, OrgPath org,
                                           Actor actor, String department, LocalDate previous, LocalDate deadline,
                                           int calendarYear) implements ReportEvent {

    public static final String TYPE = "assignment.deadline-recomputed";

    public AssignmentDeadlineRecomputed {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(deadline, "deadline");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
