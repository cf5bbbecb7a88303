package io.minyi.intake.similarity.domain;

import io.minyi.contracts.OrgPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorIndexTest {

    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final OrgPath CITY = OrgPath.of("haikou/longhua");
    static final Fingerprint NONE = Fingerprint.of("");

    final VectorIndex index = new VectorIndex(Duration.ofDays(180));

    /** A unit vector along axis {@code axis}, turned by {@code angle} towards axis 1. */
    static float[] vector(int axis, double angle) {
        float[] v = new float[VectorIndex.DIMENSIONS];
        v[axis] = (float) Math.cos(angle);
        v[1] += (float) Math.sin(angle);
        return v;
    }

    static ReportVector report(String id, OrgPath org, float[] v, Instant at) {
        return new ReportVector(id, org, "标题" + id, at, v, Fingerprint.of(id.repeat(4)), true); // no shared bigrams
    }

    @Test
    void candidatesAreTheCloseReportsOfTheCityTreeBestFirstWithTheirVerdicts() {
        index.put(report("a", CITY, vector(0, 0), NOW), NOW);
        index.put(report("b", OrgPath.of("haikou/longhua/jinyu"), vector(0, 0.3), NOW), NOW); // cos 0.955
        index.put(report("c", CITY, vector(0, 0.55), NOW), NOW);                              // cos 0.85
        index.put(report("d", CITY, vector(2, 0), NOW), NOW);                                 // cos 0
        index.put(report("e", OrgPath.of("sanya"), vector(0, 0), NOW), NOW);                   // another city
        var a = index.get("a", CITY).orElseThrow();
        var candidates = index.similar(a, NOW);
        assertThat(candidates).extracting(Candidate::reportId).containsExactly("b", "c");
        assertThat(candidates).extracting(Candidate::verdict).containsExactly(Verdict.LIKELY_DUPLICATE, Verdict.POSSIBLY_RELATED);
        assertThat(index.nearest(a, 2, NOW)).extracting(VectorIndex.Near::reportId).containsExactly("b", "c");
    }

    @Test
    void anEditReplacesTheVectorsAndAnInactiveOrOldReportIsNoCandidate() {
        index.put(report("a", CITY, vector(0, 0), NOW), NOW);
        index.put(report("b", CITY, vector(2, 0), NOW), NOW);
        assertThat(index.similar(index.get("a", CITY).orElseThrow(), NOW)).isEmpty();
        index.put(report("b", CITY, vector(0, 0.2), NOW), NOW); // edited into the same matter
        assertThat(index.similar(index.get("a", CITY).orElseThrow(), NOW)).extracting(Candidate::reportId).containsExactly("b");
        assertThat(index.size()).isEqualTo(2);
        index.put(new ReportVector("b", CITY, "t", NOW, vector(0, 0.2), NONE, false), NOW); // merged
        assertThat(index.similar(index.get("a", CITY).orElseThrow(), NOW)).isEmpty();
        assertThat(index.put(report("old", CITY, vector(0, 0), NOW.minus(Duration.ofDays(181))), NOW)).isFalse();
        index.put(report("c", CITY, vector(0, 0.1), NOW.minus(Duration.ofDays(179))), NOW);
        assertThat(index.evict(NOW.plus(Duration.ofDays(2)))).isEqualTo(1); // c left the 180 days
        assertThat(index.get("c", CITY)).isEmpty();
        assertThat(index.get("a", CITY)).isPresent();
    }

    @Test
    void theVerdictCutoffsAreTheShippedOnes() {
        assertThat(SimilarReports.verdict(0.89)).contains(Verdict.LIKELY_DUPLICATE);
        assertThat(SimilarReports.verdict(0.8899)).contains(Verdict.POSSIBLY_RELATED);
        assertThat(SimilarReports.verdict(0.82)).contains(Verdict.POSSIBLY_RELATED);
        assertThat(SimilarReports.verdict(0.8199)).isEmpty();
        assertThatThrownBy(() -> index.put(new ReportVector("x", CITY, "t", NOW, new float[3], NONE, true), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
