package cn.xiaoan.analytics.build.spark;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FactSource;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureQuery;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.ResolvedDates;
import cn.xiaoan.analytics.figure.ResolvedQuestion;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every figure computed by Spark over a published model version, from the same {@code figures.sql} DuckDB serves:
 * for answers at a scale one machine cannot hold, and for the parity test that requires both engines to agree. The
 * question must be explicit (period and as-of date; filter codes as the model spells them).
 */
public final class SparkFigures {
    private final SparkSession spark;

    /**
     * Registers the version's tables (a Parquet file or a directory of part files each) as Spark temp views, and the
     * SQL functions figures.sql calls.
     */
    public SparkFigures(SparkSession spark, Warehouse warehouse, long version) {
        this.spark = requireNonNull(spark, "spark");
        SparkBuildEngine.defineFunctions(spark);
        Path directory = warehouse.model(version);
        for (ModelTable table : ModelTable.values()) {
            Path location = ModelFiles.location(directory, table);
            if (!ModelFiles.exists(location)) {
                throw new IllegalStateException("Cannot compute figures with Spark: model version " + version
                        + " has no table " + table.tableName() + "; rebuild with bin/xiaoan build");
            }
            spark.read().parquet(location.toUri().toString()).createOrReplaceTempView(table.tableName());
        }
    }

    /** The rows of the question, read from the given source, in the order DuckDB gives them. */
    public List<FigureRow> rows(Question request, FactSource source) {
        // No serving model to default from: the question names its period (its as-of date defaults to the period's
        // end).
        ResolvedDates dates = ResolvedDates.resolve(request.period(), request.asOf(), () -> {
            throw new IllegalArgumentException("Cannot compute with Spark: give the period");
        });
        var query = FigureQuery.of(new ResolvedQuestion(dates, request.by(), request.filters()), source);
        SqlTemplate.PositionalSql sql = query.sql().positional();
        Object[] values = sql.values(query.parameters()).toArray();
        var rows = new ArrayList<FigureRow>();
        for (Row row : spark.sql(sql.sql(), values).collectAsList()) {
            var keys = new ArrayList<String>(request.by().size());
            for (Dimension dimension : request.by()) {
                keys.add(row.getAs("k_" + dimension.code()));
            }
            var figures = new ArrayList<Double>(Figure.values().length);
            for (Figure figure : Figure.values()) {
                if (!source.answers(figure)) {
                    figures.add(null);
                    continue;
                }
                Object value = row.getAs(figure.column());
                figures.add(value == null ? null : ((Number) value).doubleValue());
            }
            rows.add(new FigureRow(keys, figures));
        }
        return rows;
    }
}
