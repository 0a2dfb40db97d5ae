package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

/** One statement an analyst asked to run: who asked, what they may read, the text and its limits. */
public record AnalystQuery(String user, AnalystScope scope, String sql, QueryLimits limits) {
    /** Longer statements are almost certainly generated or pasted by mistake; DuckDB would parse them anyway. */
    public static final int MAX_SQL_LENGTH = 100_000;

    public AnalystQuery {
        requireNonNull(user, "user");
        requireNonNull(scope, "scope");
        requireNonNull(sql, "sql");
        requireNonNull(limits, "limits");
        if (user.isBlank()) {
            throw new IllegalArgumentException("查询必须注明用户 / a query needs the name of who runs it");
        }
        if (sql.length() > MAX_SQL_LENGTH) {
            throw new IllegalArgumentException("SQL 语句过长（" + sql.length() + " 字符，上限 " + MAX_SQL_LENGTH
                    + "） / the statement is " + sql.length() + " characters long; the limit is " + MAX_SQL_LENGTH);
        }
    }
}
