package io.minyi.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The report appeared in a published issue of a body's bulletin (《社情民意信息专报》): which body, which
 * year and issue number. One event per report in the issue.
 */
public record ReportInBulletin(UUID eventId, Instant occurredAt, String reportId, OrgPath org, Actor actor,
                               OrgPath bulletinOrg, int year, int number, String bulletinTitle)
        implements ReportEvent {

    public static final String TYPE = "report.in-bulletin";

    public ReportInBulletin {
        Events.requireCommon(eventId, occurredAt, reportId, org, actor);
        Objects.requireNonNull(bulletinOrg, "bulletinOrg");
    }

    @JsonIgnore
    @Override
    public String eventType() {
        return TYPE;
    }
}
