package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every figure for every cell of a breakdown, with what made it: the period, as-of date, filters, the model version
 * and whether hazards or the cube were read (both give the same numbers; the cube is faster).
 */
public record FigureTable(
        List<Dimension> by,
        Map<Dimension, Set<String>> filters,
        Period period,
        LocalDate asOf,
        ModelVersion modelVersion,
        FactSource source,
        List<FigureRow> rows) {
    public FigureTable {
        by = List.copyOf(by);
        filters = Map.copyOf(filters);
        requireNonNull(period, "period");
        requireNonNull(asOf, "asOf");
        requireNonNull(modelVersion, "modelVersion");
        requireNonNull(source, "source");
        rows = List.copyOf(rows);
        for (FigureRow row : rows) {
            if (row.keys().size() != by.size()) {
                throw new IllegalArgumentException("Cannot create table: a row has "
                        + row.keys().size() + " keys for " + by.size() + " dimensions");
            }
        }
    }

    /** The row whose keys are these codes, in the breakdown's order. */
    public FigureRow row(String... keys) {
        List<String> wanted = List.of(keys);
        return rows.stream()
                .filter(row -> row.keys().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cannot find row " + wanted + " in this table"));
    }

    /** The only row of a question without breakdown. */
    public FigureRow total() {
        if (!by.isEmpty() || rows.size() != 1) {
            throw new IllegalStateException("Cannot read a total: the table is broken down by " + by);
        }
        return rows.get(0);
    }
}
