package cn.xiaoan.analytics.serving;

import cn.xiaoan.analytics.figure.SqlFunctions;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * The in-memory DuckDB database the server reads through: one schema per model version in a compressed in-memory
 * catalog ({@value #CATALOG}; its resident tables in memory, the others as Parquet views), and a connection per
 * request duplicated from the root connection (connections are never shared across threads). Its memory is limited;
 * beyond the limit DuckDB spills to a temporary directory instead of growing the process.
 */
public final class ServingDatabase implements AutoCloseable {
    /** Idle sessions kept per schema; more are closed when returned. */
    private static final int IDLE_SESSIONS = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    /** How long a retired schema's tables outlive it: longer than any request (its statements' timeouts). */
    private static final Duration RETIRED_GRACE = Duration.ofMinutes(10);

    /**
     * The catalog holding the model versions' schemas. DuckDB stores an in-memory database's tables uncompressed
     * unless it is attached with COMPRESS; compressed, hazard_facts of 1M hazards takes ≈ 11 MB instead of ≈ 220 MB
     * and scans faster, which is what lets the hazard-sized tables the questions read stay in memory.
     */
    static final String CATALOG = "serving";

    /** The most rows a list's page holds (HazardQuery.MAX_SIZE, WarningPage.MAX_LIMIT). */
    public static final int MAX_PAGE_ROWS = 500;

    private final Duration retiredGrace;

    private final DuckDBConnection root;
    private final Map<String, Deque<ServingSession>> idle = new HashMap<>();
    /** Schemas of versions no longer served, with when they were retired; dropped after a grace period. */
    private final Map<String, Instant> retired = new HashMap<>();

    /** An unbounded database with no spill directory (DuckDB's own defaults), for tests. */
    public ServingDatabase() {
        this(null, null);
    }

    /** A database limited to {@code memoryLimit} (e.g. {@code 2GB}) that spills to {@code tempDirectory}. */
    public ServingDatabase(String memoryLimit, Path tempDirectory) {
        this(memoryLimit, tempDirectory, RETIRED_GRACE);
    }

    /** A database whose retired schemas are dropped {@code retiredGrace} after their retirement (tests: zero). */
    ServingDatabase(String memoryLimit, Path tempDirectory, Duration retiredGrace) {
        this.retiredGrace = retiredGrace;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = root.createStatement()) {
                if (memoryLimit != null) {
                    statement.execute("SET memory_limit = " + SqlTemplate.quote(memoryLimit));
                }
                if (tempDirectory != null) {
                    // DuckDB creates the directory when it first spills, so a read-only warehouse still serves; but
                    // not its parents, without which the spill, and the statement spilling, fails (loading 10M
                    // hazards' facts in found-date order spills).
                    createParentsIfPossible(tempDirectory);
                    statement.execute("SET temp_directory = " + SqlTemplate.quote(tempDirectory.toString()));
                }
                // DuckDB plans a prepared statement again at every execution (its parameters may allow other plans),
                // and ordering the joins is most of that planning: 17 of 27 ms for the figure SQL. The serving SQL is
                // written in a good join order (facts, then the small tables they join), and DuckDB still puts the
                // smaller side of each hash join on its build side.
                statement.execute("SET disabled_optimizers = 'join_order'");
                // A list reads its page's text by the rows' places in the Parquet (ServingTable.CURRENT_HAZARD_ROWS):
                // DuckDB pushes a join's build keys into the probe's scan as a filter only for builds of up to this
                // many rows (50 by default), and beyond it a min-max range, which for rows spread over the file
                // reads all of it. A page holds up to 500 rows (the school page's open items).
                statement.execute("SET dynamic_or_filter_threshold = " + MAX_PAGE_ROWS);
                statement.execute("ATTACH ':memory:' AS " + CATALOG + " (COMPRESS)");
                // The dialect's functions (days_between, is_open_at, ...) live in memory.main, which every search
                // path below includes, so every session duplicated from this root sees them.
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

    private static void createParentsIfPossible(Path directory) {
        Path parent = directory.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            // a read-only warehouse: serve without spilling, as before
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

    /**
     * Creates {@code schema} with every table of a model version: resident tables ({@link ModelTable#resident}) loaded
     * into memory in their {@link ModelTable#residentOrder}, the others as views over their Parquet (a file or a
     * directory of parts), then the {@link ServingTable}s derived from them. Retired schemas left from earlier
     * versions are dropped first, freeing their memory. The tables load on a connection of their own, so that the
     * other versions' requests go on meanwhile.
     */
    void openTables(String schema, Map<ModelTable, Path> parquetByTable) {
        Connection loader;
        synchronized (this) {
            retired.remove(schema); // a known-at model opened again after it was retired
            dropRetired();
            try {
                loader = root.duplicate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot open model tables in " + schema + ": " + e.getMessage(), e);
            }
        }
        try (loader;
                Statement statement = loader.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG + "." + schema);
            var sources = new EnumMap<ModelTable, String>(ModelTable.class);
            for (var table : parquetByTable.entrySet()) {
                ModelTable model = table.getKey();
                String source = ModelFiles.duckDbSource(table.getValue());
                sources.put(model, source);
                String read = "SELECT * FROM read_parquet(" + SqlTemplate.quote(source) + ")";
                String name = CATALOG + "." + schema + "." + model.tableName();
                if (model.resident()) {
                    statement.execute("CREATE OR REPLACE TABLE " + name + " AS " + read
                            + model.residentOrder()
                                    .map(order -> " ORDER BY " + order)
                                    .orElse(""));
                } else {
                    statement.execute("CREATE OR REPLACE VIEW " + name + " AS " + read);
                }
            }
            statement.execute("SET search_path = " + SqlTemplate.quote(CATALOG + "." + schema + ",memory.main"));
            for (ServingTable derived : ServingTable.values()) {
                statement.execute(derived.create(CATALOG + "." + schema + "." + derived.tableName(), sources));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot open model tables in " + schema + ": " + e.getMessage() + "; rebuild with bin/xiaoan build",
                    e);
        }
    }

    /**
     * Drops the schemas retired more than the grace period ago. Not at once: a request that began on a version
     * runs its later statements on it after a newer one is published, and borrows a session for each.
     */
    private void dropRetired() {
        Instant before = Instant.now().minus(retiredGrace);
        for (var schema = retired.entrySet().iterator(); schema.hasNext(); ) {
            var entry = schema.next();
            if (!entry.getValue().isAfter(before)) {
                try (Statement statement = root.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + CATALOG + "." + entry.getKey() + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot drop retired " + entry.getKey() + ": " + e.getMessage(), e);
                }
                schema.remove();
            }
        }
    }

    /** A new connection whose unqualified table names resolve in {@code schema}; the caller closes it. */
    public Connection connect(String schema) throws SQLException {
        Connection connection;
        synchronized (this) {
            connection = root.duplicate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + SqlTemplate.quote(CATALOG + "." + schema + ",memory.main"));
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
            if (healthy && !retired.containsKey(session.schema()) && sessions.size() < IDLE_SESSIONS) {
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
            retired.put(schema, Instant.now());
            sessions = idle.remove(schema);
            dropRetired();
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
