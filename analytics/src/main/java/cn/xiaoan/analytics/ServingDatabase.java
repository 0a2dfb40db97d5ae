package cn.xiaoan.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The in-memory DuckDB database the server reads through: one schema of Parquet views per model version, and a
 * connection per request duplicated from the root connection (connections are never shared across threads).
 */
final class ServingDatabase implements AutoCloseable {
    private final DuckDBConnection root;

    ServingDatabase() {
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB for serving figures: " + e.getMessage(), e);
        }
    }

    /** Creates {@code schema} with one view per table over its Parquet (a file or a directory of parts; names come from {@link ModelTable}). */
    synchronized void createViews(String schema, Map<String, Path> parquetByTable) {
        try (Statement statement = root.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            for (var table : parquetByTable.entrySet()) {
                statement.execute("CREATE OR REPLACE VIEW " + schema + "." + table.getKey()
                        + " AS SELECT * FROM read_parquet("
                        + DuckDbBuildEngine.quote(ModelFiles.duckDbSource(table.getValue())) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot open model tables in " + schema + ": " + e.getMessage() + "; rebuild with bin/xiaoan build",
                    e);
        }
    }

    /** A new connection whose unqualified table names resolve in {@code schema}; the caller closes it. */
    Connection connect(String schema) throws SQLException {
        Connection connection;
        synchronized (this) {
            connection = root.duplicate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + DuckDbBuildEngine.quote(schema));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the serving DuckDB: " + e.getMessage(), e);
        }
    }
}
