package io.minyi.intake.similarity;

import io.minyi.contracts.OrgPath;
import io.minyi.intake.similarity.domain.Fingerprint;
import io.minyi.intake.similarity.domain.ReportVector;
import io.minyi.intake.similarity.domain.SimilarReports;
import io.minyi.intake.similarity.domain.VectorIndex;
import io.minyi.intake.similarity.embedding.SentenceEmbedder;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What similarity costs: embedding throughput on this machine's cores, the held-out duplicate
 * evaluation with its precision–recall curve, and the candidate scan at 1,000–100,000 recent reports
 * with the heap the index takes. Run with {@code bench/similarity.sh}; prints the tables and writes
 * them to the files given as arguments (similarity.md, duplicates.md, duplicates-pr.csv).
 */
public final class SimilarityBench {

    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    static final OrgPath ORG = OrgPath.of("haikou/longhua/jinyu");

    public static void main(String[] args) throws Exception {
        SentenceEmbedder embedder = new SentenceEmbedder();
        List<DuplicateEvaluation.Labelled> labelled = DuplicateEvaluation.load();
        StringBuilder cost = new StringBuilder(String.format(Locale.ROOT,
                "Similarity cost (%s, %d cores, Java %s)%n%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        cost.append(embedding(embedder, labelled));
        cost.append(search(embedder, labelled));
        System.out.print(cost);

        DuplicateEvaluation heldOut = new DuplicateEvaluation("held", embedder);
        StringBuilder eval = new StringBuilder(String.format(Locale.ROOT,
                "Duplicate detection on the held-out half (%s)%n%n%d reports (500–1,500 characters), %d pairs, %d of them "
                        + "duplicates. Weight and cutoffs were chosen on the tuning half only.%n%n",
                Instant.now(), heldOut.reports().size(),
                heldOut.reports().size() * (heldOut.reports().size() - 1) / 2, heldOut.duplicatePairs()));
        var shipped = heldOut.at(SimilarReports.LIKELY_DUPLICATE);
        eval.append(String.format(Locale.ROOT, "**At the shipped cutoff %.2f: precision %.3f, recall %.3f, F1 %.3f** "
                        + "(tp %d, fp %d, fn %d)%n%n", SimilarReports.LIKELY_DUPLICATE, shipped.precision(),
                shipped.recall(), shipped.f1(), shipped.tp(), shipped.fp(), shipped.fn()));
        eval.append(heldOut.verdictTable()).append('\n');
        eval.append("Precision–recall curve (score = cosine + ").append(SimilarReports.LEXICAL_WEIGHT)
                .append(" × bigram Jaccard):\n\ncutoff | precision | recall | F1\n---|---|---|---\n");
        StringBuilder csv = new StringBuilder("cutoff,precision,recall,f1\n");
        for (int step = 70; step <= 96; step++) {
            double cutoff = step / 100.0;
            var c = heldOut.at(cutoff);
            eval.append(String.format(Locale.ROOT, "%.2f%s | %.3f | %.3f | %.3f%n", cutoff,
                    Math.abs(cutoff - SimilarReports.LIKELY_DUPLICATE) < 1e-9 ? " (shipped)" : "", c.precision(),
                    c.recall(), c.f1()));
            csv.append(String.format(Locale.ROOT, "%.2f,%.4f,%.4f,%.4f%n", cutoff, c.precision(), c.recall(), c.f1()));
        }
        System.out.print(eval);
        if (args.length >= 3) {
            Files.writeString(Path.of(args[0]), cost);
            Files.writeString(Path.of(args[1]), eval);
            Files.writeString(Path.of(args[2]), csv);
        }
    }

    /** Reports embedded per second by one and by all cores, and CPU per report. */
    static String embedding(SentenceEmbedder embedder, List<DuplicateEvaluation.Labelled> labelled) throws Exception {
        List<String> texts = labelled.stream().map(DuplicateEvaluation.Labelled::text).toList();
        List<String> long1500 = new ArrayList<>();
        for (int i = 0; i + 2 < texts.size(); i += 3) {
            long1500.add((texts.get(i) + texts.get(i + 1) + texts.get(i + 2)).substring(0, 1500));
        }
        texts.forEach(embedder::embed); // warm-up
        StringBuilder out = new StringBuilder("texts | threads | reports/s | CPU per report\n---|---|---|---\n");
        for (var set : List.of(texts, long1500)) {
            int chars = set.stream().mapToInt(String::length).sum() / set.size();
            for (int threads : new int[] {1, Runtime.getRuntime().availableProcessors()}) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long cpu0 = cpu();
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (String t : set) {
                    done.add(pool.submit(() -> embedder.embed(t)));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                double cpuMs = (cpu() - cpu0) / 1e6 / set.size();
                pool.shutdown();
                out.append(String.format(Locale.ROOT, "%d × %d chars | %d | %.1f | %.1f ms%n", set.size(), chars, threads,
                        set.size() / seconds, cpuMs));
            }
        }
        return out.append('\n').toString();
    }

    /** Candidate scans of a report's city at several sizes, and the heap per 10,000 reports. */
    static String search(SentenceEmbedder embedder, List<DuplicateEvaluation.Labelled> labelled) {
        List<float[]> real = labelled.stream().map(l -> embedder.embed(l.text())).toList();
        List<Fingerprint> prints = labelled.stream().map(l -> Fingerprint.of(l.text())).toList();
        Random random = new Random(2026);
        StringBuilder out = new StringBuilder(
                "recent reports in the city | scan mean | scan p99 | scans/s (1 thread) | heap per 10,000 reports\n---|---|---|---|---\n");
        VectorIndex index = new VectorIndex(Duration.ofDays(SimilarReports.RECENT_DAYS));
        int added = 0;
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            long heapBefore = usedHeap();
            int before = added;
            while (added < size) {
                // a plausible report vector: a blend of two real reports' embeddings
                int a = random.nextInt(real.size()), b = random.nextInt(real.size());
                float[] v = blend(real.get(a), real.get(b), random);
                index.put(new ReportVector("r" + added, ORG, "t", NOW.minusSeconds(added), v, prints.get(a), true), NOW);
                added++;
            }
            long heapPer10k = (usedHeap() - heapBefore) * 10_000 / Math.max(1, added - before);
            List<ReportVector> probes = new ArrayList<>();
            for (int i = 0; i < real.size(); i++) {
                probes.add(new ReportVector("p" + i, ORG, "t", NOW, real.get(i), prints.get(i), true));
            }
            for (int i = 0; i < 300; i++) {
                index.similar(probes.get(i % probes.size()), NOW);
            }
            int n = size >= 100_000 ? 300 : 2_000;
            long[] nanos = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                index.similar(probes.get(i % probes.size()), NOW);
                nanos[i] = System.nanoTime() - t;
            }
            out.append(String.format(Locale.ROOT, "%,d | %s | %s | %,.0f | %.1f MB%n", size, us(mean(nanos)),
                    us(p99(nanos)), 1e9 / mean(nanos), heapPer10k / 1e6));
        }
        out.append(knn(index, added, real, prints));
        return out.append('\n').toString();
    }

    /** The same 100,000 vectors in the HNSW graph: build rate, and a candidate search (nearest 100, scored exactly). */
    static String knn(VectorIndex index, int reports, List<float[]> real, List<Fingerprint> prints) {
        try (var knn = new io.minyi.intake.similarity.knn.KnnIndex(java.nio.file.Files.createTempDirectory("knn-bench"))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reports; i++) {
                knn.put("r" + i, "haikou", NOW.minusSeconds(i), index.get("r" + i, ORG).orElseThrow().embedding());
            }
            knn.nearest("haikou", NOW.minus(Duration.ofDays(180)), real.get(0), 100); // makes the writes searchable
            double build = (System.nanoTime() - t0) / 1e9;
            int n = 500;
            long[] nanos = new long[n];
            int agree = 0, total = 0;
            for (int i = -100; i < n; i++) {
                int p = Math.floorMod(i, real.size());
                var probe = new ReportVector("p" + i, ORG, "t", NOW, real.get(p), prints.get(p), true);
                long t = System.nanoTime();
                var ids = knn.nearest("haikou", NOW.minus(Duration.ofDays(180)), probe.embedding(), 100);
                var viaGraph = index.similar(probe, ids, NOW);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                    if (i < 50) {
                        var exact = index.similar(probe, NOW).stream().map(c -> c.reportId()).toList();
                        total += exact.size();
                        agree += (int) exact.stream().filter(id -> viaGraph.stream().anyMatch(c -> c.reportId().equals(id))).count();
                    }
                }
            }
            return String.format(Locale.ROOT, "100,000 through the HNSW graph (nearest 100, scored exactly) | %s | %s | %,.0f | "
                            + "graph built at %,.0f reports/s; the exact scan's candidates found: %.1f %%%n", us(mean(nanos)),
                    us(p99(nanos)), 1e9 / mean(nanos), reports / build, total == 0 ? 100.0 : 100.0 * agree / total);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static float[] blend(float[] a, float[] b, Random random) {
        float[] v = new float[a.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = a[i] + b[i] + (float) (random.nextGaussian() * 0.02);
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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
