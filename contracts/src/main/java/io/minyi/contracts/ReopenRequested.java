package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** 申请重新办理: an author asked, once, to reopen the closed report, with the reason; the office decides. */
public record ReopenRequested(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                              String reason) implements ReportEvent {

    public static final String TYPE = "report.reopen-requested";

    public ReopenRequested {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(reason, "reason");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
