package io.minyi.stats.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minyi.contracts.AdoptionLevel;
import io.minyi.contracts.Actor;
import io.minyi.contracts.OrgPath;
import io.minyi.contracts.Outcome;
import io.minyi.contracts.Rating;
import io.minyi.stats.bench.StatsBench;
import io.minyi.stats.fixtures.ReportStory;
import io.minyi.stats.labels.Labels;
import io.minyi.stats.projection.domain.ReportFact;
import io.minyi.stats.projection.messaging.Generations;
import io.minyi.support.reference.ReferenceChangeHandler;
import io.minyi.support.reference.ReferenceReplica;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 台账 export benchmark: {@code rows} report facts (each a whole life: submitted, retitled, signed off,
 * assigned, answered with a letter number, adopted, closed, rated) in the MongoDB stand-in the local
 * platform uses, then the ledger written as .xlsx and as CSV to a file, three times each, through the
 * same code the endpoint runs (the store's cursor, the columns, POI SXSSF / Commons CSV). Prints a table
 * and writes bench/results/ledger.md and .json.
 */
public final class LedgerBench {

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path out = Path.of(args.length > 1 ? args[1] : "bench/results");
        Files.createDirectories(out);
        MongoServer server = new MongoServer(StatsBench.backend());
        var address = server.bind();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", StatsBench.machine().replace("Kafka 4.1.2 in-process (KRaft), ", ""));
        results.put("rows", rows);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            long t0 = System.nanoTime();
            load(mongo, rows);
            results.put("loadSeconds", seconds(t0));
            Labels labels = new Labels(new ReferenceReplica(mongo,
                    new DefaultListableBeanFactory().getBeanProvider(ReferenceChangeHandler.class), new SimpleMeterRegistry()));
            Ledger ledger = new Ledger(new LedgerStore(mongo, () -> 1), labels, null);
            LedgerFilter all = new LedgerFilter(OrgPath.of("haikou"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    null, null, null, null, null, null);
            Path file = Files.createTempFile("ledger-bench", ".out");
            for (String format : List.of("xlsx", "csv")) {
                List<Double> runs = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i < 3; i++) {
                    long t = System.nanoTime();
                    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file))) {
                        ledger.write(new Ledger.Prepared(all, format, "bench." + format, rows), o);
                    }
                    runs.add(seconds(t));
                    bytes = Files.size(file);
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("secondsPerRun", runs);
                r.put("best", runs.stream().min(Double::compare).orElseThrow());
                r.put("rowsPerSecond", Math.round(rows / runs.stream().min(Double::compare).orElseThrow()));
                r.put("megabytes", Math.round(bytes / 1e5) / 10.0);
                results.put(format, r);
            }
            Files.delete(file);
            results.put("heapUsedMBAfter", (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()) >> 20);
        } finally {
            server.shutdownNow();
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("ledger.json").toFile(), results);
        StringBuilder md = new StringBuilder("# 台账 export benchmark (`bench/ledger.sh`)\n\nMachine: ")
                .append(results.get("machine")).append("\n\nRows: ").append(String.format(Locale.ROOT, "%,d", rows))
                .append(" (loaded in ").append(results.get("loadSeconds")).append(" s). Target: 100,000 rows in under 10 s.\n\n")
                .append("| format | runs, s | best, s | rows/s | file, MB |\n|---|---|---|---|---|\n");
        for (String format : List.of("xlsx", "csv")) {
            @SuppressWarnings("unchecked") Map<String, Object> r = (Map<String, Object>) results.get(format);
            md.append("| ").append(format).append(" | ").append(r.get("secondsPerRun")).append(" | ").append(r.get("best"))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", (Long) r.get("rowsPerSecond"))).append(" | ")
                    .append(r.get("megabytes")).append(" |\n");
        }
        Files.writeString(out.resolve("ledger.md"), md);
        System.out.println(md);
    }

    /** Whole-life facts, folded from their events as the projection folds them, in batches of 1,000. */
    static void load(MongoTemplate mongo, int rows) {
        String collection = Generations.facts(1);
        List<ReportFact> batch = new ArrayList<>();
        String[] bodies = {"haikou/longhua", "haikou/meilan", "haikou/xiuying/jinyu", "haikou/qiongshan"};
        for (int i = 0; i < rows; i++) {
            Actor author = ReportStory.member("u-" + (i % 3000), "委员" + (i % 3000));
            String day = LocalDate.of(2026, 1, 1).plusDays(i % 330) + "T09:00";
            ReportStory story = ReportStory.submitted(bodies[i % bodies.length], day, author, "topic-" + (i % 12),
                            "sector-" + (i % 30), "visit", "st-" + (i % 40), 10, "联名委员" + (i % 7))
                    .retitled(1, "关于第" + i + "号社情民意信息的建议").signedOff(2, true)
                    .assigned(4, "dept-" + (i % 60), LocalDate.parse(day.substring(0, 10)).plusDays(20))
                    .responded(30, "海政函〔2026〕" + i + "号").decided(31, Outcome.ADOPTED, AdoptionLevel.CITY)
                    .closed(32, Outcome.ADOPTED).rated(40, author, Rating.SATISFIED);
            ReportFact fact = ReportFact.of(story.id(), story.events().get(0).org().value());
            story.events().forEach(fact::apply);
            batch.add(fact);
            if (batch.size() == 1000) {
                mongo.insert(batch, collection);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, collection);
        }
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
