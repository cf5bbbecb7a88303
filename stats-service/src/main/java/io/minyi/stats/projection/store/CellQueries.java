package io.minyi.stats.projection.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.minyi.stats.projection.CellIds;
import io.minyi.stats.projection.domain.Keys;
import io.minyi.stats.projection.domain.Totals;
import io.minyi.stats.projection.messaging.Generations;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads cells of the active generation by id — a body's period is the sum of its cells over the
 * topic's partitions — so every figure is a handful of key lookups whatever the history's size.
 */
public class CellQueries {

    private final MongoTemplate mongo;
    private final java.util.function.IntSupplier generation;
    private final java.util.function.IntSupplier partitions;

    /** Reads the cells of {@code generation()} over {@code partitions()} partitions (both asked on every read). */
    public CellQueries(MongoTemplate mongo, java.util.function.IntSupplier generation,
                       java.util.function.IntSupplier partitions) {
        this.mongo = mongo;
        this.generation = generation;
        this.partitions = partitions;
    }

    /** The main counters of a body (and the bodies below it) over the given periods. */
    public Totals main(String org, Collection<String> periods) {
        return byPeriod(org, periods).values().stream().reduce(Totals.empty(), CellQueries::plus);
    }

    /** Main counters per period, in the order given. */
    public Map<String, Totals> mainByPeriod(String org, Collection<String> periods) {
        return byPeriod(org, periods);
    }

    /** The breakdown counters of the dimensions and their labels (member names) over the given periods. */
    public Breakdowns breakdowns(String org, Collection<String> periods, Collection<String> dimensions) {
        return read(breakdownIds(org, periods, dimensions), dimensions, null);
    }

    /**
     * One member's rows (by id, and as co-author by name when given) and name label: only those fields
     * are read from the member and co-author breakdowns, however many members the body has.
     */
    public Breakdowns member(String org, Collection<String> periods, String memberId, String name) {
        List<String> fields = new ArrayList<>();
        fields.add("nm:member:" + Keys.encode(memberId));
        for (String counter : io.minyi.stats.projection.domain.Contribution.MEMBER_COUNTERS) {
            fields.add("member:" + Keys.encode(memberId) + ":" + Keys.field(counter));
            if (name != null) {
                fields.add("coauthor:" + Keys.encode(name) + ":" + Keys.field(counter));
            }
        }
        List<String> dimensions = name == null ? List.of("member") : List.of("member", "coauthor");
        return read(breakdownIds(org, periods, dimensions), dimensions, fields);
    }

    private List<String> breakdownIds(String org, Collection<String> periods, Collection<String> dimensions) {
        List<String> ids = new ArrayList<>();
        int n = partitions.getAsInt();
        for (String period : periods) {
            for (int p = 0; p < n; p++) {
                String main = CellIds.main(org, period, p);
                if (CellIds.isDay(period)) {
                    ids.add(CellIds.breakdown(main, period, null));
                } else {
                    dimensions.forEach(d -> ids.add(CellIds.breakdown(main, period, d)));
                }
            }
        }
        return ids;
    }

    private Breakdowns read(List<String> ids, Collection<String> dimensions, List<String> onlyFields) {
        Totals totals = Totals.empty();
        Map<String, String> labels = new LinkedHashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(dimensions);
        var cursor = mongo.getCollection(Generations.cells(generation.getAsInt())).find(Filters.in("_id", ids))
                .projection(onlyFields == null ? Projections.exclude("o") : Projections.include(onlyFields));
        for (Document d : cursor) {
            d.forEach((field, v) -> {
                boolean label = field.startsWith("nm:");
                String rest = label ? field.substring(3) : field;
                int colon = rest.indexOf(':');
                if (colon < 0 || !wanted.contains(rest.substring(0, colon))) {
                    return; // the id, the offset, or another dimension's counter in a day's document
                }
                if (label) {
                    labels.put(rest.substring(0, colon) + "." + Keys.decode(rest.substring(colon + 1)), String.valueOf(v));
                } else if (v instanceof Number count) {
                    totals.add(Keys.counter(field), count.longValue());
                }
            });
        }
        return new Breakdowns(totals, labels);
    }

    public record Breakdowns(Totals totals, Map<String, String> labels) {
    }

    private Map<String, Totals> byPeriod(String org, Collection<String> periods) {
        Map<String, Totals> result = new LinkedHashMap<>();
        periods.forEach(p -> result.put(p, Totals.empty()));
        for (Document d : find(ids(org, periods))) {
            String id = d.getString("_id");
            String period = id.substring(org.length() + 1, id.indexOf('|', org.length() + 1));
            Totals into = result.get(period);
            d.forEach((field, v) -> {
                if (v instanceof Number n && !field.equals("o")) {
                    into.add(Keys.counter(field), n.longValue());
                }
            });
        }
        return result;
    }

    private List<String> ids(String org, Collection<String> periods) {
        int n = partitions.getAsInt();
        List<String> ids = new ArrayList<>(periods.size() * n);
        for (String period : periods) {
            for (int p = 0; p < n; p++) {
                ids.add(CellIds.main(org, period, p));
            }
        }
        return ids;
    }

    private Iterable<Document> find(List<String> ids) {
        return mongo.getCollection(Generations.cells(generation.getAsInt())).find(Filters.in("_id", ids))
                .projection(Projections.exclude("o"));
    }

    private static Totals plus(Totals a, Totals b) {
        b.counters().forEach(a::add);
        return a;
    }
}
