package io.minyi.intake.similarity;

import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.intake.similarity.domain.SimilarReports;
import io.minyi.intake.similarity.domain.Verdict;
import io.minyi.intake.similarity.embedding.SentenceEmbedder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The duplicate detector on the labelled set (src/test/resources/similarity/duplicates-labelled.tsv):
 * every pair of reports of one half is scored as the service scores it (embedding cosine plus
 * weighted bigram Jaccard) and counted against the labels. The weight and cutoffs were chosen on the
 * tuning half; the held-out half is what the figures report.
 */
public final class DuplicateEvaluation {

    public record Labelled(String id, String half, String cluster, String channel, String text) {
        boolean duplicateOf(Labelled other) {
            return !cluster.startsWith("neg-") && cluster.equals(other.cluster);
        }
    }

    public record Pair(Labelled a, Labelled b, double cosine, double jaccard) {
        double score() {
            return SimilarReports.score(cosine, jaccard);
        }

        boolean duplicate() {
            return a.duplicateOf(b);
        }
    }

    public record Counts(int tp, int fp, int fn) {
        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final List<Labelled> reports;
    private final List<Pair> pairs = new ArrayList<>();
    private final double embedMillis;

    public DuplicateEvaluation(String half, SentenceEmbedder embedder) {
        reports = load().stream().filter(r -> r.half().equals(half)).toList();
        List<float[]> vectors = new ArrayList<>();
        List<Fingerprint> prints = new ArrayList<>();
        long started = System.nanoTime();
        for (Labelled r : reports) {
            vectors.add(embedder.embed(r.text()));
            prints.add(Fingerprint.of(r.text()));
        }
        embedMillis = (System.nanoTime() - started) / 1e6 / reports.size();
        for (int i = 0; i < reports.size(); i++) {
            for (int j = i + 1; j < reports.size(); j++) {
                double cosine = 0;
                for (int k = 0; k < vectors.get(i).length; k++) {
                    cosine += vectors.get(i)[k] * vectors.get(j)[k];
                }
                pairs.add(new Pair(reports.get(i), reports.get(j), cosine, prints.get(i).similarity(prints.get(j))));
            }
        }
    }

    public static List<Labelled> load() {
        try (InputStream in = DuplicateEvaluation.class.getResourceAsStream("/similarity/duplicates-labelled.tsv")) {
            List<Labelled> all = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                all.add(new Labelled(f[0], f[1], f[2], f[3], f[4] + "\n" + f[5]));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Labelled> reports() {
        return reports;
    }

    public double embedMillisPerReport() {
        return embedMillis;
    }

    public int duplicatePairs() {
        return (int) pairs.stream().filter(Pair::duplicate).count();
    }

    /** Pairs scored at or above {@code cutoff} are taken for duplicates. */
    public Counts at(double cutoff) {
        int tp = 0, fp = 0, fn = 0;
        for (Pair p : pairs) {
            boolean predicted = p.score() >= cutoff;
            if (predicted && p.duplicate()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (p.duplicate()) {
                fn++;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** How the shipped verdicts fall on duplicate pairs, same-unit hard negatives and all other pairs. */
    public String verdictTable() {
        int[][] n = new int[3][3];
        for (Pair p : pairs) {
            int row = p.duplicate() ? 0 : sameUnit(p) ? 1 : 2;
            int col = SimilarReports.verdict(p.score()).map(v -> v == Verdict.LIKELY_DUPLICATE ? 0 : 1).orElse(2);
            n[row][col]++;
        }
        String[] rows = {"duplicate pairs", "same topic, other problem (hard negatives)", "all other pairs"};
        StringBuilder out = new StringBuilder("pairs | 很可能重复 likely-duplicate | 可能相关 possibly-related | not shown\n---|---|---|---\n");
        for (int i = 0; i < 3; i++) {
            out.append(String.format(Locale.ROOT, "%s | %d | %d | %d%n", rows[i], n[i][0], n[i][1], n[i][2]));
        }
        return out.toString();
    }

    /** A hard negative and a report of its unit's cluster: they sit next to each other in the file. */
    private boolean sameUnit(Pair p) {
        Labelled neg = p.a().cluster().startsWith("neg-") ? p.a() : p.b().cluster().startsWith("neg-") ? p.b() : null;
        Labelled other = neg == p.a() ? p.b() : p.a();
        if (neg == null || other.cluster().startsWith("neg-")) {
            return false;
        }
        int at = reports.indexOf(neg);
        return at > 0 && reports.get(at - 1).cluster().equals(other.cluster());
    }
}
