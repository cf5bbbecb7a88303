package io.minyi.intake.similarity.domain;

import io.minyi.contracts.OrgPath;

/** A possibly duplicate report with its similarity score (0 to 1). */
public record Candidate(String reportId, OrgPath org, String title, double score) {
}
