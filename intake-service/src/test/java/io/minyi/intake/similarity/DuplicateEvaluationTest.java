package io.minyi.intake.similarity;

import io.minyi.intake.similarity.domain.SimilarReports;
import io.minyi.intake.similarity.embedding.SentenceEmbedder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped detector must keep finding duplicates written in different words, and keep same-topic
 * reports about other problems apart, on the held-out half of the labelled set: precision and recall
 * of duplicate pairs at the likely-duplicate cutoff at least 0.85 each.
 */
class DuplicateEvaluationTest {

    static DuplicateEvaluation heldOut;

    @BeforeAll
    static void score() {
        heldOut = new DuplicateEvaluation("held", new SentenceEmbedder());
    }

    @Test
    void theLabelledSetIsWhatTheEvaluationClaims() {
        var all = DuplicateEvaluation.load();
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        assertThat(all).allSatisfy(r -> assertThat(r.text().length()).isBetween(500, 1600));
        Map<String, Long> clusters = all.stream().filter(r -> !r.cluster().startsWith("neg-"))
                .collect(Collectors.groupingBy(DuplicateEvaluation.Labelled::cluster, Collectors.counting()));
        assertThat(clusters).hasSizeGreaterThanOrEqualTo(40);
        assertThat(clusters.values()).allSatisfy(n -> assertThat(n).isBetween(2L, 4L));
        assertThat(all.stream().filter(r -> r.cluster().startsWith("neg-")).count()).isGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(DuplicateEvaluation.Labelled::channel).distinct())
                .containsExactlyInAnyOrder("own-observation", "visit", "online", "micro-suggestion", "consultation");
        // no cluster is split across the halves: the held-out half is unseen as a whole
        assertThat(all.stream().collect(Collectors.groupingBy(DuplicateEvaluation.Labelled::cluster,
                Collectors.mapping(DuplicateEvaluation.Labelled::half, Collectors.toSet()))).values())
                .allSatisfy(halves -> assertThat(halves).hasSize(1));
    }

    @Test
    void onTheHeldOutHalfPrecisionAndRecallOfDuplicatePairsReach085() {
        var counts = heldOut.at(SimilarReports.LIKELY_DUPLICATE);
        System.out.printf("held-out: %d reports, %d duplicate pairs; at %.2f precision %.3f recall %.3f F1 %.3f%n%s",
                heldOut.reports().size(), heldOut.duplicatePairs(), SimilarReports.LIKELY_DUPLICATE,
                counts.precision(), counts.recall(), counts.f1(), heldOut.verdictTable());
        assertThat(heldOut.duplicatePairs()).isGreaterThanOrEqualTo(30);
        assertThat(counts.precision()).as("held-out precision").isGreaterThanOrEqualTo(0.85);
        assertThat(counts.recall()).as("held-out recall").isGreaterThanOrEqualTo(0.85);
    }
}
