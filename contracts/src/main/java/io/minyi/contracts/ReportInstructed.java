package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * 批示: a party or government leader wrote an instruction on the report — their post ({@code rank},
 * e.g. 副市长), the text; {@code ordersAssignment} when it orders the report handled by a department.
 * A leader with an account gives it themselves ({@code actor} is the leader); one without, on paper,
 * is entered by the office ({@code actor} the editor who entered it, {@code recorded} true) with the
 * leader's name, the date on the paper and the scanned page ({@code scan}, an attachment of the report).
 * {@code leaderName}, {@code leaderLevel}, {@code givenOn}, {@code recorded} and {@code scan} were added
 * in schema 1 later; an older event has the actor's name as the leader's and no level.
 */
public record ReportInstructed(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                               String rank, String text, boolean ordersAssignment, String leaderName,
                               LeaderLevel leaderLevel, LocalDate givenOn, Boolean recorded, FileRef scan)
        implements ReportEvent {

    public static final String TYPE = "report.instructed";

    public ReportInstructed {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(text, "text");
        leaderName = leaderName == null || leaderName.isBlank() ? actor.name() : leaderName;
        recorded = Boolean.TRUE.equals(recorded);
    }

    /** A leader's own instruction, as events were written before the leader's level was added. */
    public ReportInstructed(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                            String rank, String text, boolean ordersAssignment) {
        this(eventId, occurredAt, reportId, org, actor, rank, text, ordersAssignment, null, null, null, false, null);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
