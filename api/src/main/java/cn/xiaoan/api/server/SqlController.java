package cn.xiaoan.api.server;

import cn.xiaoan.analytics.sql.AnalystQuery;
import cn.xiaoan.analytics.sql.AnalystScope;
import cn.xiaoan.analytics.sql.AnalystSql;
import cn.xiaoan.analytics.sql.DataDictionary;
import cn.xiaoan.analytics.sql.QueryLimits;
import cn.xiaoan.analytics.sql.QueryResult;
import cn.xiaoan.analytics.sql.ResultColumn;
import cn.xiaoan.analytics.sql.SqlRejectedException;
import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.api.export.ExportFormat;
import cn.xiaoan.api.export.FigureExports;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/sql} and {@code GET /api/v1/sql/schema}: the analysts' console over the locked-down,
 * per-scope DuckDB of {@link AnalystSql} (one read-only statement, row cap, time limit, query log), rate limited per
 * user.
 */
final class SqlController {
    private final AnalystSql sql;
    private final DataDictionary dictionary;
    private final RateLimiter limiter;
    private final Exports exports;

    SqlController(AnalystSql sql, DataDictionary dictionary, RateLimiter limiter, Exports exports) {
        this.exports = exports;
        this.sql = sql;
        this.dictionary = dictionary;
        this.limiter = limiter;
    }

    /** The console's request; {@code format} csv or xlsx downloads the result with its provenance. */
    record Statement(String sql, Integer maxRows, Integer timeoutSeconds, String format) {}

    /**
     * A console answer; when {@code truncated}, {@code truncatedBy} says which cap stopped it ({@code max_rows} or
     * {@code max_bytes}) and {@code truncatedMessage} what to do (zh / en); both null when the result is whole.
     */
    record ResultBody(
            long modelVersion,
            List<ResultColumn> columns,
            List<List<Object>> rows,
            int rowCount,
            boolean truncated,
            String truncatedBy,
            String truncatedMessage,
            long elapsedMillis,
            String scope) {}

    void run(Context ctx) throws IOException {
        Principal principal = AccessControl.principal(ctx);
        Statement statement;
        try {
            statement = ctx.bodyAsClass(Statement.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest(
                    "invalid_body", "Send JSON {\"sql\": \"SELECT …\", \"maxRows\": 1000, \"timeoutSeconds\": 30}");
        }
        if (statement.sql() == null || statement.sql().isBlank()) {
            throw ApiException.badRequest("invalid_body", "Give the statement in \"sql\" / 请输入查询语句");
        }
        Optional<ExportFormat> export = Exports.requested(statement.format());
        limiter.acquire(principal.username(), "SQL");
        var limits = new QueryLimits(
                statement.maxRows() == null ? QueryLimits.DEFAULT_MAX_ROWS : statement.maxRows(),
                statement.timeoutSeconds() == null
                        ? QueryLimits.DEFAULT_TIMEOUT
                        : Duration.ofSeconds(statement.timeoutSeconds()));
        AnalystScope scope = scope(principal);
        try {
            QueryResult result = sql.run(new AnalystQuery(principal.username(), scope, statement.sql(), limits));
            if (export.isPresent()) {
                exports.send(
                        ctx,
                        FigureExports.query(result),
                        export.get(),
                        "SQL: " + statement.sql(),
                        result.modelVersion(),
                        List.of(),
                        "数据查询");
                return;
            }
            ctx.json(new ResultBody(
                    result.modelVersion(),
                    result.columns(),
                    result.rows(),
                    result.rows().size(),
                    result.truncated(),
                    result.truncated() ? result.truncation().code() : null,
                    result.truncated()
                            ? result.truncation().messageZh() + " / "
                                    + result.truncation().messageEn()
                            : null,
                    result.elapsedMillis(),
                    scope.label()));
        } catch (SqlRejectedException e) {
            int status =
                    switch (e.reason()) {
                        case TIMEOUT -> 408;
                        case BUSY -> 503;
                        case ACCESS_DENIED -> 403;
                        default -> 400;
                    };
            throw new ApiException(status, "sql_" + e.reason().code(), e.messageZh() + " / " + e.messageEn());
        }
    }

    void schema(Context ctx) {
        ctx.json(sql.schema(scope(AccessControl.principal(ctx)), dictionary));
    }

    private static AnalystScope scope(Principal principal) {
        return principal.scope().district().map(AnalystScope::district).orElseGet(AnalystScope::city);
    }
}
