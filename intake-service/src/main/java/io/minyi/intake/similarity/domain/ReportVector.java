package io.minyi.intake.similarity.domain;

import io.minyi.contracts.OrgPath;

import java.time.Instant;

/**
 * What the similarity projection keeps of a report: its current title and text as a unit-length
 * sentence embedding and a MinHash fingerprint, and whether it is still offered as a candidate
 * (merged and withdrawn reports are not).
 */
public record ReportVector(String reportId, OrgPath org, String title, Instant submittedAt, float[] embedding,
                           Fingerprint fingerprint, boolean active) {

    public ReportVector {
        embedding = embedding.clone();
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    /** The embedding itself, not a copy: for the index's scan only. */
    float[] embeddingUnsafe() {
        return embedding;
    }
}
