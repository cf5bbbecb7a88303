package io.minyi.stats.figures;

import io.minyi.contracts.OrgPath;
import io.minyi.stats.figures.domain.Figures;
import io.minyi.stats.figures.domain.Range;
import io.minyi.stats.figures.domain.Row;
import io.minyi.stats.labels.Labels;
import io.minyi.stats.projection.domain.Totals;
import io.minyi.stats.projection.store.CellQueries;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures, breakdowns and trends of a body's subtree, read from the cells. */
@Component
public class Reports {

    private final CellQueries cells;
    private final Labels labels;

    public Reports(CellQueries cells, Labels labels) {
        this.cells = cells;
        this.labels = labels;
    }

    public Figures summary(OrgPath org, Range range) {
        return Figures.of(org.value(), range, cells.main(org.value(), range.cells()));
    }

    /** The rows of one dimension, most reports first; rows nothing is counted on any more are left out. */
    public List<Row> breakdown(OrgPath org, Range range, String dimension) {
        return rows(cells.breakdowns(org.value(), range.cells(), List.of(dimension)), dimension, org);
    }

    /** Several breakdown dimensions at once (one read), for the annual report. */
    public Map<String, List<Row>> breakdowns(OrgPath org, Range range, List<String> dimensions) {
        CellQueries.Breakdowns b = cells.breakdowns(org.value(), range.cells(), dimensions);
        Map<String, List<Row>> all = new LinkedHashMap<>();
        dimensions.forEach(dimension -> all.put(dimension, rows(b, dimension, org)));
        return all;
    }

    private List<Row> rows(CellQueries.Breakdowns b, String dimension, OrgPath org) {
        List<Row> rows = new ArrayList<>();
        b.totals().rows(dimension).forEach((key, totals) -> {
            Row row = Row.of(key, labels.of(dimension, key, b.labels(), org), totals);
            if (!row.isEmpty()) {
                rows.add(row);
            }
        });
        rows.sort(Comparator.comparingLong(Row::received).reversed().thenComparing(Row::key));
        return rows;
    }

    /** One point per {@code granularity} period of the range. */
    public List<Point> trend(OrgPath org, Range range, String granularity) {
        List<Range> parts = range.split(granularity);
        List<String> periods = parts.stream().flatMap(p -> p.cells().stream()).distinct().toList();
        Map<String, Totals> byPeriod = cells.mainByPeriod(org.value(), periods);
        List<Point> points = new ArrayList<>();
        for (Range part : parts) {
            Totals t = Totals.empty();
            part.cells().forEach(c -> byPeriod.get(c).counters().forEach(t::add));
            Figures f = Figures.of(org.value(), part, t);
            points.add(new Point(part.label(), part.from().toString(), part.to().toString(), f.received(), f.signedOff(),
                    f.instructed(), f.assigned(), f.responded(), f.adopted(), f.adoptionRate(), f.overdueNow()));
        }
        return points;
    }

    public record Point(String label, String from, String to, long received, long signedOff, long instructed,
                        long assigned, long responded, long adopted, Double adoptionRate, long overdueNow) {
    }
}
