package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Cell;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * A figure by two dimensions: rows and columns in reference order, and one cell per (row, column) pair, row-major,
 * whether or not it has hazards.
 */
public record Heatmap(
        Dimension rowDimension,
        Dimension columnDimension,
        Figure metric,
        LocalDate asOf,
        Period period,
        List<Member> rows,
        List<Member> columns,
        List<Cell> cells,
        ModelVersion modelVersion) {
    public Heatmap {
        requireNonNull(rowDimension, "rowDimension");
        requireNonNull(columnDimension, "columnDimension");
        requireNonNull(metric, "metric");
        requireNonNull(asOf, "asOf");
        requireNonNull(period, "period");
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = List.copyOf(cells);
        requireNonNull(modelVersion, "modelVersion");
        if (cells.size() != rows.size() * columns.size()) {
            throw new IllegalArgumentException("Cannot create heatmap: " + cells.size() + " cells for " + rows.size()
                    + " rows × " + columns.size() + " columns");
        }
    }

    /** The cell at a row and column code, e.g. {@code cell("140902", "FIRE")}. */
    public Cell cell(String rowCode, String columnCode) {
        return cells.stream()
                .filter(cell ->
                        cell.rowCode().equals(rowCode) && cell.columnCode().equals(columnCode))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Cannot find cell: no row " + rowCode + " with column " + columnCode + " in this heatmap"));
    }
}
