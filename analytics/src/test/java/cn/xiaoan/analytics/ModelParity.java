package cn.xiaoan.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/** Compares two published model versions table by table through DuckDB: column names and types, then every row. */
final class ModelParity {
    private ModelParity() {}

    static void assertIdentical(Path expectedVersion, Path actualVersion) throws SQLException {
        var soft = new SoftAssertions();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ModelTable table : ModelTable.values()) {
                String expected = source(expectedVersion, table);
                String actual = source(actualVersion, table);
                soft.assertThat(columns(connection, actual))
                        .as("columns of %s", table.tableName())
                        .isEqualTo(columns(connection, expected));
                soft.assertThat(count(connection, "SELECT COUNT(*) FROM " + actual))
                        .as("rows of %s", table.tableName())
                        .isEqualTo(count(connection, "SELECT COUNT(*) FROM " + expected));
                // EXCEPT ALL keeps duplicates: equal counts and no difference either way is multiset equality.
                soft.assertThat(count(
                                connection,
                                "SELECT COUNT(*) FROM (SELECT * FROM " + expected + " EXCEPT ALL SELECT * FROM "
                                        + actual + ")"))
                        .as("rows of %s missing from the second build", table.tableName())
                        .isZero();
                soft.assertThat(count(
                                connection,
                                "SELECT COUNT(*) FROM (SELECT * FROM " + actual + " EXCEPT ALL SELECT * FROM "
                                        + expected + ")"))
                        .as("rows of %s only in the second build", table.tableName())
                        .isZero();
            }
        }
        soft.assertAll();
    }

    /** The table's Parquet; without hive partitioning, else DuckDB adds a column {@code v} from {@code v=<n>/}. */
    static String source(Path version, ModelTable table) {
        return "read_parquet(" + DuckDbBuildEngine.quote(ModelFiles.duckDbSource(ModelFiles.location(version, table)))
                + ", hive_partitioning = false)";
    }

    private static List<String> columns(Connection connection, String source) throws SQLException {
        var columns = new ArrayList<String>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
            while (rows.next()) {
                columns.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return columns;
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
