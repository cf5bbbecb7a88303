package io.minyi.intake.similarity.knn;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.similarity.domain.Candidate;
import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.intake.similarity.domain.ReportVector;
import io.minyi.intake.similarity.domain.VectorIndex;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The HNSW graph proposes what the exact scan finds: the same candidates for a large city. */
class KnnIndexTest {

    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void theGraphsNearestScoredExactlyAreTheExactScansCandidates() throws Exception {
        Random random = new Random(7);
        VectorIndex exact = new VectorIndex(Duration.ofDays(180));
        OrgPath org = OrgPath.of("haikou/longhua");
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            centres.add(noisy(new float[VectorIndex.DIMENSIONS], random, 1.0));
        }
        try (KnnIndex knn = new KnnIndex(Files.createTempDirectory("knn-test"))) {
            for (int i = 0; i < 6_000; i++) {
                // clusters of paraphrase-like neighbours around a few hundred topics
                float[] v = noisy(centres.get(i % centres.size()), random, 0.35);
                Instant at = NOW.minusSeconds(i);
                var r = new ReportVector("r" + i, org, "t", at, v, Fingerprint.of("r" + i + "x"), true);
                exact.put(r, NOW);
                knn.put(r.reportId(), "haikou", at, v);
            }
            knn.put("old", "haikou", NOW.minus(Duration.ofDays(200)), centres.get(0));
            knn.put("elsewhere", "sanya", NOW, centres.get(0));
            int same = 0, total = 0;
            for (int q = 0; q < 50; q++) {
                ReportVector probe = exact.get("r" + q, org).orElseThrow();
                List<String> proposed = knn.nearest("haikou", NOW.minus(Duration.ofDays(180)), probe.embedding(), 100);
                assertThat(proposed).doesNotContain("old", "elsewhere");
                List<String> full = exact.similar(probe, NOW).stream().map(Candidate::reportId).toList();
                List<String> viaGraph = exact.similar(probe, proposed, NOW).stream().map(Candidate::reportId).toList();
                total += full.size();
                same += (int) full.stream().filter(viaGraph::contains).count();
            }
            assertThat(total).as("the clusters give candidates").isPositive();
            assertThat((double) same / total).as("recall of the graph's candidates").isGreaterThanOrEqualTo(0.95);
            knn.evict(NOW.minus(Duration.ofDays(180)));
            knn.put("blank", "haikou", NOW, new float[VectorIndex.DIMENSIONS]);
            assertThat(knn.nearest("haikou", NOW.minus(Duration.ofDays(300)), centres.get(0), 10)).doesNotContain("old", "blank");
        }
    }

    static float[] noisy(float[] centre, Random random, double noise) {
        float[] v = new float[centre.length];
        double n = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = centre[i] + (float) (random.nextGaussian() * noise / Math.sqrt(v.length));
            n += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }
}
