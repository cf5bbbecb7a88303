package io.minyi.routing.workflow.domain;

import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.ReportStatus;

import java.time.Instant;

/** What a body did with a report before forwarding it up: where it stood, and its own adoption. */
public record LevelResult(OrgPath org, ReportStatus status, Outcome outcome, Instant forwardedAt) {
}
