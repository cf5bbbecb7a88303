package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * 报送: the office of body {@code from} sent the signed-off report to the party and government leaders
 * of its level ({@code to} = {@code from}), or up to the body one level higher ({@code to} its
 * parent), which then edits, signs off and adopts it in turn; it stays one report.
 */
public record ReportForwarded(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              OrgPath from, OrgPath to) implements ReportEvent {

    public static final String TYPE = "report.forwarded";

    public ReportForwarded {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** Sent up to the next body rather than to its own leaders. */
    @JsonIgnore
    public boolean up() {
        return !to.equals(from);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
