package cn.xiaoan.analytics.sql;

import cn.xiaoan.analytics.figure.SqlFunctions;
import cn.xiaoan.analytics.figure.SqlTemplate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;

/**
 * A locked-down in-memory DuckDB for one scope of one model version (docs/OPERATIONS.md, "DuckDB"): the only
 * directory it may read is the scope's, external access, extension install and autoload are off, memory and threads
 * are capped, and after the views are made the configuration is locked, so no statement can undo any of it. Queries
 * get their own {@code duplicate()} of the root connection. Retired when a newer model is published; closed when its
 * last query returns.
 */
final class ScopedDatabase {
    private final long version;
    private final List<ParquetTable> tables;
    private final DuckDBConnection root;
    private final AtomicInteger leases = new AtomicInteger(1);

    private ScopedDatabase(long version, List<ParquetTable> tables, DuckDBConnection root) {
        this.version = version;
        this.tables = List.copyOf(tables);
        this.root = root;
    }

    /** Opens an instance whose views are exactly the tables found in {@code directory}. */
    static ScopedDatabase open(long version, Path directory, int threads, String maxMemory) {
        List<ParquetTable> tables = ParquetTable.discover(directory);
        var properties = new Properties();
        properties.setProperty("allowed_directories", "[" + SqlTemplate.quote(directory + "/") + "]");
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("threads", Integer.toString(threads));
        properties.setProperty("max_memory", maxMemory);
        // Results stream, so the row cap stops reading after maxRows + 1 rows instead of materialising everything.
        properties.setProperty("jdbc_stream_results", "true");
        DuckDBConnection root;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB for analyst SQL: " + e.getMessage(), e);
        }
        try (Statement statement = root.createStatement()) {
            for (ParquetTable table : tables) {
                statement.execute("CREATE VIEW " + table.name() + " AS SELECT * FROM " + table.readExpression());
            }
            // The figures' own hazard-state functions (is_open_at, is_overdue_at, risk_weight, …), so an analyst's
            // "open at D" means exactly what the figures mean
            for (String function : SqlFunctions.duckDb()) {
                statement.execute(function);
            }
            statement.execute("SET lock_configuration = true");
        } catch (SQLException e) {
            try {
                root.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException(
                    "Cannot open the model tables in " + directory + " for analyst SQL: " + e.getMessage(), e);
        }
        return new ScopedDatabase(version, tables, root);
    }

    long version() {
        return version;
    }

    List<ParquetTable> tables() {
        return tables;
    }

    /** Takes a lease; false when the instance is already closed (then open the current one again). */
    boolean lease() {
        while (true) {
            int current = leases.get();
            if (current == 0) {
                return false;
            }
            if (leases.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** A new connection for one query; the caller closes it and then calls {@link #release()}. */
    synchronized Connection connect() throws SQLException {
        return root.duplicate();
    }

    void release() {
        if (leases.decrementAndGet() == 0) {
            closeRoot();
        }
    }

    /** Whether a query (or the owner) still holds a lease, so the files of its version must stay. */
    boolean inUse() {
        return leases.get() > 0;
    }

    /** Drops the owner's lease: the instance closes as soon as no query holds one. */
    void retire() {
        release();
    }

    private synchronized void closeRoot() {
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the analyst DuckDB: " + e.getMessage(), e);
        }
    }
}
