package io.minyi.intake.similarity.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The policy for near-duplicate reports. */
public final class SimilarReports {

    /** Estimated bigram Jaccard at or above which two reports are shown as possible duplicates. */
    public static final double THRESHOLD = 0.09;
    /** How far back a new report is compared. */
    public static final int RECENT_DAYS = 180;
    /** At most this many candidates are kept per report, best first. */
    public static final int MAX_CANDIDATES = 10;

    /** The recent reports similar to {@code fingerprint}, best first, at most {@link #MAX_CANDIDATES}. */
    public static List<Candidate> rank(Fingerprint fingerprint, Map<Candidate, Fingerprint> recent) {
        return recent.entrySet().stream()
                .map(e -> new Candidate(e.getKey().reportId(), e.getKey().org(), e.getKey().title(),
                        fingerprint.similarity(e.getValue())))
                .filter(c -> c.score() >= THRESHOLD)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed())
                .limit(MAX_CANDIDATES)
                .toList();
    }

    private SimilarReports() {
    }
}
