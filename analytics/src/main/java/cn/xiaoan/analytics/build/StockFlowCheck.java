package cn.xiaoan.analytics.build;

import cn.xiaoan.analytics.figure.SqlFunctions;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the stock-flow identity (opening + new − resolved = closing, {@code sql/checks/stock_flow.sql}) on the
 * {@code hazard_facts} Parquet an engine has just written, whichever engine wrote it: DuckDB reads the files, so the
 * Spark build is checked by the same SQL as the DuckDB build.
 */
final class StockFlowCheck {
    private StockFlowCheck() {}

    /** The cells of the staged model where the identity does not hold, MAJOR first (none: the model is sound). */
    static List<StockFlowCell> failures(Path versionDirectory) {
        Path facts = ModelFiles.location(versionDirectory, ModelTable.HAZARD_FACTS);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(
                    SqlTemplate.load("dialect/duckdb.sql").positional().sql());
            for (String function : SqlFunctions.duckDb()) {
                statement.execute(function);
            }
            statement.execute("CREATE VIEW hazard_facts AS SELECT * FROM read_parquet("
                    + SqlTemplate.quote(ModelFiles.duckDbSource(facts)) + ")");
            var cells = new ArrayList<StockFlowCell>();
            try (ResultSet rows = statement.executeQuery(
                    SqlTemplate.load("checks/stock_flow.sql").positional().sql())) {
                while (rows.next()) {
                    cells.add(new StockFlowCell(
                            rows.getInt("year"),
                            rows.getString("district_code"),
                            rows.getString("category"),
                            rows.getString("severity"),
                            rows.getLong("opening"),
                            rows.getLong("new_hazards"),
                            rows.getLong("resolved"),
                            rows.getLong("closing")));
                }
            }
            return cells;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot check the stock-flow identity of " + facts + ": " + e.getMessage(), e);
        }
    }

    /** Throws {@link StockFlowIdentityException} naming the failing cells, if any. */
    static void verify(Path versionDirectory) {
        List<StockFlowCell> failures = failures(versionDirectory);
        if (!failures.isEmpty()) {
            throw new StockFlowIdentityException(failures);
        }
    }
}
