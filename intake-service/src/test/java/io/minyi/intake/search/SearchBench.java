package io.minyi.intake.search;

import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.ReportAssigned;
import io.minyi.contracts.ReportInstructed;
import io.minyi.contracts.ReportSubmitted;
import io.minyi.intake.search.index.ReportIndex;
import io.minyi.intake.search.index.ReportQuery;
import io.minyi.intake.similarity.DuplicateEvaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Search at 100,000 indexed reports: builds the index through the projection's own path (events
 * folded into documents), then times the queries the screens send — with BM25 ranking, filters and
 * highlighted snippets, one page of 20 — and the heap and disk the index takes. Texts are built from
 * the sentences of the labelled reports. Run with {@code bench/search.sh}; prints a table and writes
 * it to the file given as the first argument.
 */
public final class SearchBench {

    static final String[] CITIES = {"haikou", "sanya"};
    static final String[] DISTRICTS = {"longhua", "meilan", "xiuying", "qiongshan"};
    static final String[] TOPICS = {"transport", "education", "health", "urban-construction", "social-security"};
    static final String[] DEPARTMENTS = {"haikou-housing", "haikou-transport", "haikou-health", "haikou-education"};

    public static void main(String[] args) throws Exception {
        int reports = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<String> sentences = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (var r : DuplicateEvaluation.load()) {
            String[] t = r.text().split("\n", 2);
            titles.add(t[0]);
            Arrays.stream(t[1].split("(?<=[。！？])")).filter(s -> s.length() > 8).forEach(sentences::add);
        }
        Random random = new Random(2026);
        Path dir = Files.createTempDirectory("minyi-search-bench");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Search (%s, %d cores, Java %s, Lucene 9.12.3)%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        long heap0 = usedHeap();
        try (ReportIndex index = new ReportIndex(dir)) {
            long t0 = System.nanoTime();
            Instant start = Instant.parse("2025-12-01T00:00:00Z");
            Actor leader = new Actor("u-leader", "张市长", "leader");
            Actor editor = new Actor("u-editor", "李编辑", "editor");
            for (int i = 0; i < reports; i++) {
                OrgPath org = OrgPath.of(CITIES[i % 2] + "/" + DISTRICTS[random.nextInt(4)]);
                String id = "r" + i;
                Instant at = start.plusSeconds(i * 300L);
                StringBuilder body = new StringBuilder();
                int length = 500 + random.nextInt(1_000);
                while (body.length() < length) {
                    body.append(sentences.get(random.nextInt(sentences.size())));
                }
                String title = titles.get(random.nextInt(titles.size()));
                index.apply(new ReportSubmitted(UUID.randomUUID(), at, id, org, new Actor("u-m" + (i % 2_000), "委员", "member"),
                        title, title, body.toString(), "own-observation", TOPICS[random.nextInt(TOPICS.length)], null, "normal",
                        List.of(), null, null));
                if (i % 3 == 0) {
                    index.apply(new ReportAssigned(UUID.randomUUID(), at.plusSeconds(60), id, org, editor,
                            DEPARTMENTS[random.nextInt(DEPARTMENTS.length)], null, title, body.toString(), List.of(), null, null));
                }
                if (i % 10 == 0) {
                    index.apply(new ReportInstructed(UUID.randomUUID(), at.plusSeconds(120), id, org, leader, "市长",
                            sentences.get(random.nextInt(sentences.size())), false));
                }
                if (i % 1_000 == 999) {
                    index.refresh();
                }
            }
            index.refresh();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long heap = usedHeap() - heap0;
            long disk;
            try (Stream<Path> files = Files.walk(dir)) {
                disk = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            out.append(String.format(Locale.ROOT, "indexed %,d reports (with %,d more events) in %.0f s: %,.0f reports/s; "
                            + "heap %.0f MB, disk %.0f MB (%.1f KB a report)%n%n", reports, reports / 3 + reports / 10, seconds,
                    reports / seconds, heap / 1e6, disk / 1e6, disk / 1024.0 / reports));

            String[][] keywordSets = {{"电梯"}, {"加装电梯", "审批"}, {"停车"}, {"公交站台"}, {"养老", "食堂"}, {"充电桩"},
                    {"学校", "交通"}, {"农村", "饮水"}, {"物业费"}, {"建议", "部门"}};
            out.append("query (one page of 20, as the API runs it) | p50 | p99 | mean hits\n---|---|---|---\n");
            bench(out, "1–2 keywords, a city's tree, ranked, snippets", index, random, keywordSets, false, false);
            bench(out, "keywords + state + topic + date range", index, random, keywordSets, true, false);
            bench(out, "a department's reports, newest first (no keywords)", index, random, keywordSets, false, true);
        } // closing the index deletes its directory
        System.out.print(out);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), out);
        }
    }

    static void bench(StringBuilder out, String name, ReportIndex index, Random random, String[][] keywordSets,
                      boolean filters, boolean department) {
        int n = 2_000;
        long[] nanos = new long[n];
        long hits = 0;
        for (int i = -300; i < n; i++) {
            String[] k = keywordSets[random.nextInt(keywordSets.length)];
            var c = new ReportQuery.Criteria(department ? List.of() : List.of(k), CITIES[random.nextInt(2)], null, null,
                    filters ? "submitted" : null, filters ? TOPICS[random.nextInt(TOPICS.length)] : null, null, null, null,
                    department ? DEPARTMENTS[random.nextInt(DEPARTMENTS.length)] : null,
                    filters ? Instant.parse("2026-02-01T00:00:00Z") : null, filters ? Instant.parse("2026-09-01T00:00:00Z") : null,
                    null);
            long t = System.nanoTime();
            var result = ReportQuery.run(index, c, 0, 20, null);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t;
                hits += result.total();
            }
        }
        Arrays.sort(nanos);
        out.append(String.format(Locale.ROOT, "%s | %.1f ms | %.1f ms | %,d%n", name, nanos[n / 2] / 1e6,
                nanos[(int) (n * 0.99)] / 1e6, hits / n));
    }

    static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private SearchBench() {
    }
}
