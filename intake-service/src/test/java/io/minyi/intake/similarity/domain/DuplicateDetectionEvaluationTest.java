package io.minyi.intake.similarity.domain;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the duplicate detector on a labelled set of realistic reports: paraphrases
 * of the same problem (duplicates), reports on the same topic about a different problem and unrelated
 * reports (not duplicates). Every pair is scored; the table is written to
 * {@code target/similarity-evaluation.txt}.
 */
class DuplicateDetectionEvaluationTest {

    record Labelled(String group, String text, Fingerprint fingerprint) {
        boolean duplicateOf(Labelled other) {
            return !group.equals("-") && group.equals(other.group);
        }
    }

    static List<Labelled> reports = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        reports.clear(); // FingerprintIndexTest loads the same set
        try (InputStream in = DuplicateDetectionEvaluationTest.class.getResourceAsStream("/similarity/labelled-reports.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String text = f[1] + "\n" + f[2];
                reports.add(new Labelled(f[0], text, Fingerprint.of(text)));
            }
        }
    }

    record Counts(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    static Counts at(double threshold) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                Labelled a = reports.get(i), b = reports.get(j);
                boolean predicted = a.fingerprint().similarity(b.fingerprint()) >= threshold;
                boolean actual = a.duplicateOf(b);
                if (predicted && actual) tp++;
                else if (predicted) fp++;
                else if (actual) fn++;
                else tn++;
            }
        }
        return new Counts(tp, fp, fn, tn);
    }

    @Test
    void atTheChosenThresholdPrecisionAndRecallAreHigh() throws IOException {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%d reports, %d pairs, %d of them duplicates%nthreshold  precision  recall%n",
                reports.size(), reports.size() * (reports.size() - 1) / 2, at(0).tp()));
        for (int step = 4; step <= 20; step++) {
            double t = step / 100.0;
            Counts c = at(t);
            table.append(String.format(Locale.ROOT, "  %.2f%s     %.3f      %.3f    tp=%d fp=%d fn=%d%n", t,
                    t == SimilarReports.THRESHOLD ? "*" : " ", c.precision(), c.recall(), c.tp(), c.fp(), c.fn()));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/similarity-evaluation.txt"), table);
        System.out.print(table);

        Counts chosen = at(SimilarReports.THRESHOLD);
        assertThat(chosen.precision()).as("precision at %.2f", SimilarReports.THRESHOLD).isGreaterThanOrEqualTo(0.9);
        assertThat(chosen.recall()).as("recall at %.2f", SimilarReports.THRESHOLD).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void identicalTextsScoreOneAndPunctuationOrSpacingDoesNotMatter() {
        Fingerprint a = Fingerprint.of("公交站台缺少遮阳棚，建议加装。");
        assertThat(a.similarity(Fingerprint.of("公交站台缺少遮阳棚，建议加装。"))).isEqualTo(1.0);
        assertThat(a.similarity(Fingerprint.of("公交站台 缺少遮阳棚!建议加装"))).isEqualTo(1.0);
        assertThat(a.similarity(Fingerprint.of("背街小巷路灯不亮，夜间出行不安全。"))).isLessThan(0.1);
    }
}
