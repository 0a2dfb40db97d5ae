package cn.xiaoan.analytics.build;

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
 * Compares two model versions table by table through DuckDB: column names and types, row counts, then every row as a
 * multiset ({@code EXCEPT ALL} both ways). Used to hold the engines to one result.
 */
public final class ModelComparison {
    private ModelComparison() {}

    /** Every difference between the versions' tables, empty when they are identical. */
    public static List<String> differences(Path expectedVersion, Path actualVersion) {
        var differences = new ArrayList<String>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ModelTable table : ModelTable.values()) {
                String name = table.tableName();
                String expected = source(expectedVersion, table);
                String actual = source(actualVersion, table);
                List<String> expectedColumns = columns(connection, expected);
                List<String> actualColumns = columns(connection, actual);
                if (!expectedColumns.equals(actualColumns)) {
                    differences.add(name + ": columns " + actualColumns + " instead of " + expectedColumns);
                    continue;
                }
                long expectedRows = count(connection, "SELECT COUNT(*) FROM " + expected);
                long actualRows = count(connection, "SELECT COUNT(*) FROM " + actual);
                if (expectedRows != actualRows) {
                    differences.add(name + ": " + actualRows + " rows instead of " + expectedRows);
                }
                long missing = count(
                        connection,
                        "SELECT COUNT(*) FROM (SELECT * FROM " + expected + " EXCEPT ALL SELECT * FROM " + actual
                                + ")");
                long extra = count(
                        connection,
                        "SELECT COUNT(*) FROM (SELECT * FROM " + actual + " EXCEPT ALL SELECT * FROM " + expected
                                + ")");
                if (missing != 0 || extra != 0) {
                    differences.add(name + ": " + missing + " rows missing, " + extra + " rows not expected");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot compare model versions: " + e.getMessage(), e);
        }
        return differences;
    }

    /** A table's Parquet without hive partitioning, else DuckDB adds a column {@code v} from {@code v=<n>/}. */
    public static String source(Path version, ModelTable table) {
        return "read_parquet(" + SqlTemplate.quote(ModelFiles.duckDbSource(ModelFiles.location(version, table)))
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

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
