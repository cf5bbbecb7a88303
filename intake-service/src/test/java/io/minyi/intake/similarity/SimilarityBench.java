package io.minyi.intake.similarity;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.intake.similarity.domain.FingerprintIndex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Duplicate search per submission: fingerprinting a report and scanning the recent reports of its
 * city, at several index sizes. Texts are built from the sentences of the labelled reports (500–1,500
 * characters, like real ones). Run with {@code bench/similarity.sh}; prints a table and writes it to
 * the file given as the first argument.
 */
public final class SimilarityBench {

    static final Instant NOW = Instant.parse("2026-11-24T02:00:00Z");
    static final OrgPath ORG = OrgPath.of("haikou/longhua/jinyu");

    public static void main(String[] args) throws IOException {
        List<String> sentences = sentences();
        Random random = new Random(2026);
        int[] sizes = {1_000, 10_000, 50_000, 100_000};
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Duplicate search (%s, %d cores, Java %s)%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));

        List<String> probes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            probes.add(text(sentences, random));
        }
        for (int round = 0; round < 3; round++) {
            probes.forEach(Fingerprint::of);
        }
        long[] fp = new long[probes.size()];
        List<Fingerprint> probePrints = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            long t = System.nanoTime();
            probePrints.add(Fingerprint.of(probes.get(i)));
            fp[i] = System.nanoTime() - t;
        }
        out.append(String.format(Locale.ROOT, "fingerprint of one report (%d chars avg): mean %s, p99 %s%n%n",
                probes.stream().mapToInt(String::length).sum() / probes.size(), us(mean(fp)), us(p99(fp))));
        out.append("recent reports in the city | search mean | search p99 | searches/s (1 thread) | heap per report\n");
        out.append("---|---|---|---|---\n");

        FingerprintIndex index = new FingerprintIndex(Duration.ofDays(180));
        int added = 0;
        for (int size : sizes) {
            long heapBefore = usedHeap();
            int before = added;
            while (added < size) {
                index.add("r" + added, ORG, "t", NOW.minusSeconds(added), Fingerprint.of(text(sentences, random)), NOW);
                added++;
            }
            long heapPerReport = (usedHeap() - heapBefore) / Math.max(1, added - before);
            for (int i = 0; i < 200; i++) {
                index.similar(ORG, probePrints.get(i), null, NOW);
            }
            long[] search = new long[probePrints.size()];
            for (int i = 0; i < probePrints.size(); i++) {
                long t = System.nanoTime();
                index.similar(ORG, probePrints.get(i), null, NOW);
                search[i] = System.nanoTime() - t;
            }
            out.append(String.format(Locale.ROOT, "%,d | %s | %s | %,.0f | %,d B%n", size, us(mean(search)),
                    us(p99(search)), 1e9 / mean(search), heapPerReport));
        }
        System.out.print(out);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), out);
        }
    }

    static List<String> sentences() throws IOException {
        try (InputStream in = SimilarityBench.class.getResourceAsStream("/similarity/labelled-reports.tsv")) {
            List<String> all = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    Arrays.stream(line.split("\t")[2].split("(?<=[。！？])")).filter(s -> s.length() > 5)
                            .forEach(all::add);
                }
            }
            return all;
        }
    }

    static String text(List<String> sentences, Random random) {
        StringBuilder text = new StringBuilder();
        int target = 500 + random.nextInt(1_000);
        while (text.length() < target) {
            text.append(sentences.get(random.nextInt(sentences.size())));
        }
        return text.toString();
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0);
    }

    static long p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(sorted.length * 0.99)];
    }

    static String us(double nanos) {
        return nanos >= 1_000_000 ? String.format(Locale.ROOT, "%.2f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    private SimilarityBench() {
    }
}
