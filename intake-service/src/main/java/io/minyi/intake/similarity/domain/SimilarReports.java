package io.minyi.intake.similarity.domain;

/** The policy for near-duplicate reports. */
public final class SimilarReports {

    /** Estimated bigram Jaccard at or above which two reports are shown as possible duplicates. */
    public static final double THRESHOLD = 0.09;
    /** How far back a new report is compared. */
    public static final int RECENT_DAYS = 180;
    /** At most this many candidates are kept per report, best first. */
    public static final int MAX_CANDIDATES = 10;

    private SimilarReports() {
    }
}
