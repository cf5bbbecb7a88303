package io.minyi.intake.similarity.domain;

import io.minyi.contracts.OrgPath;

/** A report similar to another, with the calibrated score and what it means to an editor. */
public record Candidate(String reportId, OrgPath org, String title, double score, Verdict verdict) {
}
