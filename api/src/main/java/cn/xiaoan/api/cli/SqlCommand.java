package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.sql.AnalystQuery;
import cn.xiaoan.analytics.sql.AnalystScope;
import cn.xiaoan.analytics.sql.AnalystSql;
import cn.xiaoan.analytics.sql.QueryLimits;
import cn.xiaoan.analytics.sql.QueryResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan sql "SELECT …"}: one read-only statement over the published model, with the same lock-down, limits
 * and query log as the API's SQL console.
 */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "只读 SQL 查询：对已发布模型执行一条 SELECT 语句（表和列见 docs/DATA_DICTIONARY.md），可按区县限定范围",
            "Run one read-only SELECT over the published model (tables and columns: docs/DATA_DICTIONARY.md),"
                    + " optionally limited to one district"
        })
public final class SqlCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Parameters(
            index = "0",
            paramLabel = "STATEMENT",
            description = "一条 SELECT / WITH / VALUES / DESCRIBE / SHOW 语句 One SELECT-like statement")
    String statement;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "FORMAT",
            description = "输出格式 Output format: table, csv, json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(
            names = "--max-rows",
            defaultValue = "" + QueryLimits.DEFAULT_MAX_ROWS,
            paramLabel = "N",
            description = "最多返回行数 Row cap; more rows are cut and marked truncated (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(
            names = "--timeout",
            defaultValue = "" + QueryLimits.DEFAULT_TIMEOUT_SECONDS,
            paramLabel = "SECONDS",
            description = "超时秒数，超时即取消 Time limit in seconds; the query is cancelled at it (default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(
            names = "--district",
            paramLabel = "CODE",
            description = "只查询该区县的数据 Only this district's rows (6-digit code, e.g. 140902)")
    String district;

    SqlCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() {
        ResultFormat resultFormat = ResultFormat.parse(format);
        var limits = new QueryLimits(maxRows, Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        AnalystScope scope = new AnalystScope(Optional.ofNullable(district));
        String user = "cli:" + System.getProperty("user.name", "unknown");
        try (var sql = new AnalystSql(
                components.warehouse(warehouseOption.warehouse), components.reference(), components.clock())) {
            QueryResult result = sql.run(new AnalystQuery(user, scope, statement, limits));
            resultFormat.print(result, spec.commandLine().getOut(), components.json());
            if (result.truncated() && resultFormat != ResultFormat.TABLE) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "结果已截断为 %d 行：%s / the result was cut at %d rows: %s%n",
                                result.rows().size(),
                                result.truncation().messageZh(),
                                result.rows().size(),
                                result.truncation().messageEn());
            }
        }
        return 0;
    }
}
