package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

/** A column of a query result: its name and DuckDB type (e.g. {@code VARCHAR}, {@code DATE}, {@code BIGINT}). */
public record ResultColumn(String name, String type) {
    public ResultColumn {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
    }
}
