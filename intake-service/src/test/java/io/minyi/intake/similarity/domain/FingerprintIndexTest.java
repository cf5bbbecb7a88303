package io.minyi.intake.similarity.domain;

import io.minyi.contracts.OrgPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintIndexTest {

    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    static final OrgPath STREET = OrgPath.of("haikou/longhua/jinyu");
    static List<DuplicateDetectionEvaluationTest.Labelled> reports;

    @BeforeAll
    static void labelled() throws IOException {
        DuplicateDetectionEvaluationTest.load();
        reports = DuplicateDetectionEvaluationTest.reports;
    }

    static FingerprintIndex indexOfAll() {
        FingerprintIndex index = new FingerprintIndex(Duration.ofDays(180));
        for (int i = 0; i < reports.size(); i++) {
            index.add("r" + i, STREET, "t" + i, NOW.minus(Duration.ofHours(i)), reports.get(i).fingerprint(), NOW);
        }
        return index;
    }

    @Test
    void findsExactlyWhatComparingEveryPairFindsBestFirst() {
        FingerprintIndex index = indexOfAll();
        for (int i = 0; i < reports.size(); i++) {
            Fingerprint probe = reports.get(i).fingerprint();
            int self = i;
            List<String> expected = IntStream.range(0, reports.size()).filter(j -> j != self)
                    .filter(j -> probe.similarity(reports.get(j).fingerprint()) >= SimilarReports.THRESHOLD)
                    .boxed().sorted(Comparator.comparingDouble(j -> -probe.similarity(reports.get(j).fingerprint())))
                    .limit(SimilarReports.MAX_CANDIDATES).map(j -> "r" + j).toList();
            List<Candidate> found = index.similar(OrgPath.of("haikou"), probe, "r" + i, NOW);
            assertThat(found).extracting(Candidate::reportId).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(found).extracting(Candidate::score).isSortedAccordingTo(Comparator.reverseOrder());
        }
    }

    @Test
    void addingTwiceKeepsOneAndOtherCitiesOldReportsAndRemovedOnesAreNeverCandidates() {
        FingerprintIndex index = new FingerprintIndex(Duration.ofDays(180));
        Fingerprint text = reports.get(0).fingerprint();
        assertThat(index.add("a", STREET, "t", NOW, text, NOW)).isTrue();
        assertThat(index.add("a", STREET, "t", NOW, text, NOW)).isFalse();
        assertThat(index.add("old", STREET, "t", NOW.minus(Duration.ofDays(181)), text, NOW)).isFalse();
        index.add("sanya", OrgPath.of("sanya"), "t", NOW, text, NOW);
        index.add("gone", STREET, "t", NOW, text, NOW);
        index.remove("gone", STREET);
        assertThat(index.similar(OrgPath.of("haikou/meilan"), text, null, NOW)).extracting(Candidate::reportId)
                .containsExactly("a");
        assertThat(index.similar(STREET, text, null, NOW.plus(Duration.ofDays(181)))).isEmpty();
    }

    @Test
    void evictionDropsWhatLeftTheWindowAndKeepsTheRestFindable() {
        FingerprintIndex index = new FingerprintIndex(Duration.ofDays(180));
        Fingerprint text = reports.get(0).fingerprint();
        for (int i = 0; i < 100; i++) { // every second day back; days 182 to 198 are outside already
            index.add("r" + i, STREET, "t", NOW.minus(Duration.ofDays(i * 2L)), text, NOW);
        }
        assertThat(index.size()).isEqualTo(91);
        // twenty days on, days 162 to 180 leave the window
        assertThat(index.evict(NOW.plus(Duration.ofDays(20)))).isEqualTo(10);
        assertThat(index.size()).isEqualTo(81);
        assertThat(index.similar(STREET, text, null, NOW.plus(Duration.ofDays(20))))
                .hasSize(SimilarReports.MAX_CANDIDATES);
        assertThat(index.add("r5", STREET, "t", NOW, text, NOW)).as("still known after compaction").isFalse();
    }
}
