package io.minyi.stats.export.domain;

import java.util.List;

/** A table to export: a name (the sheet's and the file's), column headers in Chinese and rows of values. */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {

    public enum Kind { TEXT, NUMBER, RATE }

    /** A ratio shown as a percentage in a column that is not a rate column. */
    public record Percent(double value) {
    }

    public record Column(String header, Kind kind) {
        public static Column text(String header) {
            return new Column(header, Kind.TEXT);
        }

        public static Column number(String header) {
            return new Column(header, Kind.NUMBER);
        }

        public static Column rate(String header) {
            return new Column(header, Kind.RATE);
        }
    }

    public Table {
        columns = List.copyOf(columns);
        int width = columns.size();
        List<List<Object>> copy = new java.util.ArrayList<>();
        for (List<Object> r : rows) {
            if (r.size() != width) {
                throw new IllegalArgumentException("a row of " + r.size() + " values in a table of " + width + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)));
        }
        rows = List.copyOf(copy);
    }
}
