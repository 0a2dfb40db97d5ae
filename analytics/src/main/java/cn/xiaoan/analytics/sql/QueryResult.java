package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;

/**
 * The rows of an analyst query, at most the row cap and the byte cap; {@code truncation} says whether there were more
 * and which cap stopped the reading. Values are {@code null},
 * {@code Boolean}, {@code Long}, {@code Double}, {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime} or
 * {@code String} (anything else DuckDB returns is given as its text).
 */
public record QueryResult(
        long modelVersion,
        List<ResultColumn> columns,
        List<List<Object>> rows,
        Truncation truncation,
        long elapsedMillis) {
    public QueryResult {
        requireNonNull(truncation, "truncation");
        columns = List.copyOf(columns);
        // Rows may hold nulls, which List.copyOf refuses.
        rows = rows.stream()
                .map(row -> Collections.unmodifiableList(new java.util.ArrayList<>(requireNonNull(row, "row"))))
                .toList();
    }

    /** Whether more rows matched than were read (written to JSON beside the truncation). */
    @JsonProperty("truncated")
    public boolean truncated() {
        return truncation != Truncation.NONE;
    }
}
