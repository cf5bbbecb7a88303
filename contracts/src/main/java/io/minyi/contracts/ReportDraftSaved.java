package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * 草稿: the author saved a draft, new or edited; {@code revision} counts the saves from 1. A draft is
 * seen by its author only; other services need not act on it.
 */
public record ReportDraftSaved(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                               long revision, String title) implements ReportEvent {

    public static final String TYPE = "report.draft-saved";

    public ReportDraftSaved {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
