package cn.xiaoan.analytics.serving;

import cn.xiaoan.analytics.figure.SqlFunctions;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * The in-memory DuckDB database the server reads through: one schema of Parquet views per model version, and a
 * connection per request duplicated from the root connection (connections are never shared across threads). Its
 * memory is limited; beyond the limit DuckDB spills to a temporary directory instead of growing the process.
 */
public final class ServingDatabase implements AutoCloseable {
    /** Idle sessions kept per schema; more are closed when returned. */
    private static final int IDLE_SESSIONS = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    private final DuckDBConnection root;
    private final Map<String, Deque<ServingSession>> idle = new HashMap<>();
    private final Set<String> retired = new HashSet<>();

    /** An unbounded database with no spill directory (DuckDB's own defaults), for tests. */
    public ServingDatabase() {
        this(null, null);
    }

    /** A database limited to {@code memoryLimit} (e.g. {@code 2GB}) that spills to {@code tempDirectory}. */
    public ServingDatabase(String memoryLimit, Path tempDirectory) {
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = root.createStatement()) {
                if (memoryLimit != null) {
                    statement.execute("SET memory_limit = " + SqlTemplate.quote(memoryLimit));
                }
                if (tempDirectory != null) {
                    // DuckDB creates the directory when it first spills, so a read-only warehouse still serves.
                    statement.execute("SET temp_directory = " + SqlTemplate.quote(tempDirectory.toString()));
                }
                // The dialect's functions (days_between, is_open_at, ...) live in main, which every search path
                // below includes, so every session duplicated from this root sees them.
                statement.execute(
                        SqlTemplate.load("dialect/duckdb.sql").positional().sql());
                for (String function : SqlFunctions.duckDb()) {
                    statement.execute(function);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open DuckDB for serving figures: " + e.getMessage(), e);
        }
    }

    /** A setting of the serving database as DuckDB reports it (e.g. {@code memory_limit}), for tests. */
    public String setting(String name) throws SQLException {
        synchronized (this) {
            try (Statement statement = root.createStatement();
                    var result = statement.executeQuery("SELECT current_setting(" + SqlTemplate.quote(name) + ")")) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /** Creates {@code schema} with one view per table over its Parquet (a file or a directory of parts; names come from {@link ModelTable}). */
    synchronized void createViews(String schema, Map<String, Path> parquetByTable) {
        retired.remove(schema); // a known-at model opened again after it was retired
        try (Statement statement = root.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            for (var table : parquetByTable.entrySet()) {
                statement.execute("CREATE OR REPLACE VIEW " + schema + "." + table.getKey()
                        + " AS SELECT * FROM read_parquet("
                        + SqlTemplate.quote(ModelFiles.duckDbSource(table.getValue())) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot open model tables in " + schema + ": " + e.getMessage() + "; rebuild with bin/xiaoan build",
                    e);
        }
    }

    /** A new connection whose unqualified table names resolve in {@code schema}; the caller closes it. */
    public Connection connect(String schema) throws SQLException {
        Connection connection;
        synchronized (this) {
            connection = root.duplicate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + SqlTemplate.quote(schema + ",main"));
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A session on {@code schema}, reused when one is idle; give it back with {@link #giveBack}. */
    public ServingSession borrow(String schema) throws SQLException {
        synchronized (this) {
            ServingSession session =
                    idle.getOrDefault(schema, new ArrayDeque<>()).pollFirst();
            if (session != null) {
                return session;
            }
        }
        return new ServingSession(schema, connect(schema));
    }

    /** Returns a session for reuse, or closes it when it failed, its schema is retired or enough are idle. */
    public void giveBack(ServingSession session, boolean healthy) {
        synchronized (this) {
            Deque<ServingSession> sessions = idle.computeIfAbsent(session.schema(), schema -> new ArrayDeque<>());
            if (healthy && !retired.contains(session.schema()) && sessions.size() < IDLE_SESSIONS) {
                sessions.addFirst(session);
                return;
            }
        }
        session.close();
    }

    /** Closes the idle sessions of a model version no longer served; busy ones close when given back. */
    public void retire(String schema) {
        Deque<ServingSession> sessions;
        synchronized (this) {
            retired.add(schema);
            sessions = idle.remove(schema);
        }
        if (sessions != null) {
            sessions.forEach(ServingSession::close);
        }
    }

    @Override
    public synchronized void close() {
        idle.values().forEach(sessions -> sessions.forEach(ServingSession::close));
        idle.clear();
        try {
            root.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the serving DuckDB: " + e.getMessage(), e);
        }
    }
}
