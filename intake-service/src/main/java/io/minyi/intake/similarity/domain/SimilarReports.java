package io.minyi.intake.similarity.domain;

import java.util.Optional;

/**
 * The policy for near-duplicate reports: one score from the two signals and the cutoffs of the
 * verdicts. The score is the cosine similarity of the two reports' sentence embeddings plus
 * {@value #LEXICAL_WEIGHT} × the estimated Jaccard similarity of their character bigrams: paraphrases
 * of one problem share the meaning (cosine around 0.85) and, through the place names, figures and
 * terms of the matter, more wording than two reports on the same topic about different problems.
 * Long texts are embedded in full windows (see SentenceEmbedder).
 *
 * <p>Weight and cutoffs were chosen on the tuning half of the labelled set only
 * (src/test/resources/similarity/duplicates-labelled.tsv, DuplicateEvaluationTest): the weight and
 * likely-duplicate cutoff that maximise F1 of duplicate pairs there, the cutoff in the middle of
 * the plateau; the possibly-related cutoff is where same-topic reports about another problem begin.
 */
public final class SimilarReports {

    /** Weight of the bigram Jaccard estimate added to the embedding cosine. */
    public static final double LEXICAL_WEIGHT = 1.0;
    /** At or above: 很可能重复 — the same problem, a merge candidate. */
    public static final double LIKELY_DUPLICATE = 0.89;
    /** At or above (and below the duplicate cutoff): 可能相关 — the same matter or a neighbouring one. */
    public static final double POSSIBLY_RELATED = 0.82;
    /** Below this cosine no lexical overlap can lift a pair to the related cutoff; the scan skips it. */
    static final double COSINE_FLOOR = 0.55;
    /** How far back reports are compared. */
    public static final int RECENT_DAYS = 180;
    /** At most this many candidates per report, best first. */
    public static final int MAX_CANDIDATES = 10;

    public static double score(double cosine, double jaccard) {
        return cosine + LEXICAL_WEIGHT * jaccard;
    }

    public static Optional<Verdict> verdict(double score) {
        if (score >= LIKELY_DUPLICATE) {
            return Optional.of(Verdict.LIKELY_DUPLICATE);
        }
        return score >= POSSIBLY_RELATED ? Optional.of(Verdict.POSSIBLY_RELATED) : Optional.empty();
    }

    private SimilarReports() {
    }
}
