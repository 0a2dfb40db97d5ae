package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;

/**
 * The rows of an analyst query, at most the row cap; {@code truncated} says there were more. Values are {@code null},
 * {@code Boolean}, {@code Long}, {@code Double}, {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime} or
 * {@code String} (anything else DuckDB returns is given as its text).
 */
public record QueryResult(
        long modelVersion, List<ResultColumn> columns, List<List<Object>> rows, boolean truncated, long elapsedMillis) {
    public QueryResult {
        columns = List.copyOf(columns);
        // Rows may hold nulls, which List.copyOf refuses.
        rows = rows.stream()
                .map(row -> Collections.unmodifiableList(new java.util.ArrayList<>(requireNonNull(row, "row"))))
                .toList();
    }
}
