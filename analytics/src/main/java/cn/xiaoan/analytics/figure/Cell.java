package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

/** One cell of a breakdown; {@code value} is null where the figure is undefined (a rate over nothing). */
public record Cell(String rowCode, String columnCode, Double value) {
    public Cell {
        requireNonNull(rowCode, "rowCode");
        requireNonNull(columnCode, "columnCode");
    }
}
