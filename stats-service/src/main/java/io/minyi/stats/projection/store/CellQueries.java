package io.minyi.stats.projection.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.minyi.contracts.Events;
import io.minyi.stats.projection.CellIds;
import io.minyi.stats.projection.domain.Keys;
import io.minyi.stats.projection.domain.Totals;
import io.minyi.stats.projection.messaging.Generations;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads cells of the active generation by id — a body's period is the sum of its cells over the
 * topic's partitions — so every figure is a handful of key lookups whatever the history's size.
 */
@Component
public class CellQueries {

    private final MongoTemplate mongo;
    private final Generations generations;
    private final KafkaTemplate<String, byte[]> kafka;
    private volatile int partitions;
    private volatile long partitionsReadAt;

    public CellQueries(MongoTemplate mongo, Generations generations, KafkaTemplate<String, byte[]> kafka) {
        this.mongo = mongo;
        this.generations = generations;
        this.kafka = kafka;
    }

    /** The main counters of a body (and the bodies below it) over the given periods. */
    public Totals main(String org, Collection<String> periods) {
        return byPeriod(org, periods, false).values().stream().reduce(Totals.empty(), CellQueries::plus);
    }

    /** Main counters per period, in the order given. */
    public Map<String, Totals> mainByPeriod(String org, Collection<String> periods) {
        return byPeriod(org, periods, false);
    }

    /** The breakdown counters and the labels (member names) over the given periods. */
    public Breakdowns breakdowns(String org, Collection<String> periods) {
        Totals totals = Totals.empty();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Document d : find(ids(org, periods, true))) {
            flatten("", d.get("b", Document.class), totals);
            Document nm = d.get("nm", Document.class);
            if (nm != null) {
                nm.forEach((dim, values) -> ((Document) values).forEach((k, v) ->
                        labels.put(dim + "." + Keys.decode(k), String.valueOf(v))));
            }
        }
        return new Breakdowns(totals, labels);
    }

    public record Breakdowns(Totals totals, Map<String, String> labels) {
    }

    private Map<String, Totals> byPeriod(String org, Collection<String> periods, boolean breakdown) {
        Map<String, Totals> result = new LinkedHashMap<>();
        periods.forEach(p -> result.put(p, Totals.empty()));
        for (Document d : find(ids(org, periods, breakdown))) {
            String id = d.getString("_id");
            String period = id.substring(org.length() + 1, id.indexOf('|', org.length() + 1));
            flatten("", d.get("c", Document.class), result.get(period));
        }
        return result;
    }

    private List<String> ids(String org, Collection<String> periods, boolean breakdown) {
        int n = partitions();
        List<String> ids = new ArrayList<>(periods.size() * n);
        for (String period : periods) {
            for (int p = 0; p < n; p++) {
                String main = CellIds.main(org, period, p);
                ids.add(breakdown ? CellIds.breakdown(main) : main);
            }
        }
        return ids;
    }

    private Iterable<Document> find(List<String> ids) {
        return mongo.getCollection(Generations.cells(generations.active())).find(Filters.in("_id", ids))
                .projection(Projections.exclude("o"));
    }

    private int partitions() {
        long now = System.currentTimeMillis();
        if (partitions == 0 || now - partitionsReadAt > 60_000) {
            partitions = kafka.partitionsFor(Events.TOPIC).size();
            partitionsReadAt = now;
        }
        return partitions;
    }

    private static void flatten(String prefix, Document doc, Totals into) {
        if (doc == null) {
            return;
        }
        doc.forEach((k, v) -> {
            if (v instanceof Document sub) {
                flatten(prefix + k + ".", sub, into);
            } else if (v instanceof Number n) {
                into.add(prefix + k, n.longValue());
            }
        });
    }

    private static Totals plus(Totals a, Totals b) {
        b.counters().forEach(a::add);
        return a;
    }
}
