package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.analytics.sql.SqlRejectedException.Reason;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs analysts' SQL over the published model, read-only and within their scope: the statement is checked by DuckDB's
 * parser ({@link StatementCheck}), run in a locked-down instance that can read only the scope's Parquet
 * ({@link ScopedDatabase}, {@link DistrictExtract}), capped in rows, cancelled at its time limit, gated so that no
 * more heavy queries run at once than there are cores, and logged, refused ones included.
 */
public final class AnalystSql implements AutoCloseable {
    /** Per scoped instance; several scopes may be open at once. */
    private static final String MAX_MEMORY = "1GB";

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final Clock clock;
    private final int threads;
    private final Semaphore slots;
    private final StatementCheck check = new StatementCheck();
    private final QueryLog log;
    /** The open instance per scope; guarded by this object's monitor, which is never held while an extract is written. */
    private final Map<AnalystScope, ScopedDatabase> open = new HashMap<>();
    /** District extracts being written now, one future per version and district; removed when done. */
    private final ConcurrentHashMap<String, CompletableFuture<Path>> extracting = new ConcurrentHashMap<>();

    private final ExtractWriter extracts;

    /** Instances of older versions whose last queries are still running. */
    private final List<ScopedDatabase> retired = new ArrayList<>();

    private final ScheduledExecutorService canceller;

    /** Writes (or finds) a district's extract of a model version; {@link DistrictExtract#ensure} outside tests. */
    @FunctionalInterface
    interface ExtractWriter {
        Path ensure(Warehouse warehouse, long version, String districtCode);
    }

    /** As many concurrent queries as cores, each instance using every core (one query may use them all). */
    public AnalystSql(Warehouse warehouse, ReferenceData reference, Clock clock) {
        this(warehouse, reference, clock, Runtime.getRuntime().availableProcessors());
    }

    public AnalystSql(Warehouse warehouse, ReferenceData reference, Clock clock, int concurrentQueries) {
        this(warehouse, reference, clock, concurrentQueries, DistrictExtract::ensure);
    }

    AnalystSql(
            Warehouse warehouse, ReferenceData reference, Clock clock, int concurrentQueries, ExtractWriter extracts) {
        this.extracts = requireNonNull(extracts, "extracts");
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.clock = requireNonNull(clock, "clock");
        if (concurrentQueries < 1) {
            throw new IllegalArgumentException("concurrentQueries must be at least 1, not " + concurrentQueries);
        }
        this.threads = Runtime.getRuntime().availableProcessors();
        this.slots = new Semaphore(concurrentQueries, true);
        this.log = new QueryLog(logFile());
        this.canceller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "xiaoan-sql-timeout");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The query log, {@code logs/sql.jsonl} under the warehouse. */
    public Path logFile() {
        return warehouse.root().resolve("logs").resolve("sql.jsonl");
    }

    /**
     * Runs one statement.
     *
     * @throws SqlRejectedException when the statement is refused, fails, times out or finds no free slot
     * @throws IllegalArgumentException when the scope names a district that does not exist
     * @throws IllegalStateException when no model has been published yet
     */
    public QueryResult run(AnalystQuery query) {
        long started = System.nanoTime();
        checkScope(query.scope());
        long version = currentVersion();
        try {
            QueryResult result = runGated(query, version, started);
            log.append(entry(query, version, "ok", result.rows().size(), result.truncated(), started));
            return result;
        } catch (SqlRejectedException e) {
            log.append(entry(query, version, e.reason().code(), 0, false, started));
            throw e;
        }
    }

    /**
     * The tables a scope can query with their actual columns and types, described from the data dictionary (for a
     * schema browser; a table or column missing from the dictionary has empty descriptions).
     */
    public List<DataDictionary.Table> schema(AnalystScope scope, DataDictionary dictionary) {
        checkScope(scope);
        ScopedDatabase database = lease(scope, currentVersion());
        var tables = new ArrayList<DataDictionary.Table>();
        try (Connection connection = database.connect();
                java.sql.Statement statement = connection.createStatement()) {
            for (ParquetTable table : database.tables()) {
                var documented = dictionary.table(table.name());
                var columns = new ArrayList<DataDictionary.Column>();
                try (ResultSet rows = statement.executeQuery("DESCRIBE " + table.name())) {
                    while (rows.next()) {
                        String name = rows.getString("column_name");
                        var column = documented.flatMap(entry -> entry.column(name));
                        columns.add(new DataDictionary.Column(
                                name,
                                rows.getString("column_type"),
                                column.map(DataDictionary.Column::descriptionZh).orElse(""),
                                column.map(DataDictionary.Column::descriptionEn).orElse("")));
                    }
                }
                tables.add(new DataDictionary.Table(
                        table.name(),
                        documented.map(DataDictionary.Table::descriptionZh).orElse(""),
                        documented.map(DataDictionary.Table::descriptionEn).orElse(""),
                        columns));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot describe the tables of " + scope.label() + ": " + e.getMessage(), e);
        } finally {
            database.release();
        }
        return tables;
    }

    private QueryResult runGated(AnalystQuery query, long version, long started) {
        // The scope's instance first: a district's first query may write its extract, which must hold neither a
        // query slot nor any lock that other scopes' queries need.
        ScopedDatabase database = lease(query.scope(), version);
        try {
            long waitMillis = query.limits().timeout().toMillis();
            try {
                if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new SqlRejectedException(
                            Reason.BUSY,
                            "查询繁忙：所有查询槽位均被占用，请稍后重试",
                            "Every query slot stayed busy for " + waitMillis + " ms; retry in a moment");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a query slot", e);
            }
            try (Connection connection = database.connect()) {
                check.check(connection, query.sql());
                return execute(connection, query, version, started);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect to the analyst DuckDB: " + e.getMessage(), e);
            } finally {
                slots.release();
            }
        } finally {
            database.release();
        }
    }

    private QueryResult execute(Connection connection, AnalystQuery query, long version, long started) {
        var timedOut = new AtomicBoolean();
        try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
            ScheduledFuture<?> cancel = canceller.schedule(
                    () -> {
                        timedOut.set(true);
                        try {
                            statement.cancel();
                        } catch (SQLException ignored) {
                            // The statement finished and closed meanwhile: nothing left to cancel.
                        }
                    },
                    query.limits().timeout().toMillis(),
                    TimeUnit.MILLISECONDS);
            try (ResultSet rows = statement.executeQuery()) {
                List<ResultColumn> columns = columns(rows.getMetaData());
                int maxRows = query.limits().maxRows();
                long maxBytes = query.limits().maxBytes();
                var values = new ArrayList<List<Object>>();
                Truncation truncation = Truncation.NONE;
                long bytes = 0;
                while (rows.next()) {
                    if (values.size() == maxRows) {
                        truncation = Truncation.MAX_ROWS;
                        break;
                    }
                    List<Object> row = row(rows, columns.size());
                    bytes += textBytes(row);
                    if (bytes > maxBytes) {
                        // the row that crosses the cap is left out, so the result stays within it
                        truncation = Truncation.MAX_BYTES;
                        break;
                    }
                    values.add(row);
                }
                return new QueryResult(version, columns, values, truncation, millisSince(started));
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            throw rejection(e, timedOut.get(), query);
        }
    }

    private static SqlRejectedException rejection(SQLException e, boolean timedOut, AnalystQuery query) {
        String message = firstLine(e.getMessage());
        if (timedOut) {
            long seconds = query.limits().timeout().toSeconds();
            return new SqlRejectedException(
                    Reason.TIMEOUT,
                    "查询超过时限（" + seconds + " 秒）已取消：请缩小范围或增加筛选条件",
                    "The query was cancelled at its time limit of " + seconds + " s; narrow it down or add filters");
        }
        if (message.contains("Permission Error") || message.contains("configuration has been locked")) {
            return new SqlRejectedException(
                    Reason.ACCESS_DENIED,
                    "无权访问：只能查询数据字典中本范围内的表和视图（" + message + "）",
                    "Access denied: only the tables and views of the data dictionary in your scope can be read ("
                            + message + ")");
        }
        return new SqlRejectedException(
                Reason.QUERY_FAILED,
                "查询失败：" + message,
                "The query failed: " + message + "; see docs/DATA_DICTIONARY.md for the tables and columns");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static List<ResultColumn> columns(ResultSetMetaData metadata) throws SQLException {
        var columns = new ArrayList<ResultColumn>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(new ResultColumn(metadata.getColumnLabel(i), metadata.getColumnTypeName(i)));
        }
        return columns;
    }

    /** About the bytes of a row's cells as text (UTF-8 for strings), for the byte cap. */
    static long textBytes(List<Object> row) {
        long bytes = 0;
        for (Object value : row) {
            if (value == null) {
                bytes += 4;
            } else if (value instanceof String text) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
                }
            } else {
                bytes += value.toString().length();
            }
        }
        return bytes;
    }

    private static List<Object> row(ResultSet rows, int width) throws SQLException {
        var row = new ArrayList<Object>(width);
        for (int i = 1; i <= width; i++) {
            row.add(plain(rows.getObject(i)));
        }
        return row;
    }

    /** A value as one of the types {@link QueryResult} promises. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Long) {
            return value;
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalDateTime) {
            return value;
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return value.toString();
    }

    /**
     * The scope's instance on this version, leased for one query. Opening an instance is quick and done under the
     * monitor; writing a district's extract is slow and done outside it, so one district's first query on a new
     * version never holds up the city or other districts (only queries of the same district wait for that extract).
     */
    private ScopedDatabase lease(AnalystScope scope, long version) {
        Optional<ScopedDatabase> ready = leaseOpen(scope, version);
        if (ready.isPresent()) {
            return ready.get();
        }
        Path directory =
                scope.districtCode().map(district -> extract(version, district)).orElse(warehouse.model(version));
        synchronized (this) {
            ScopedDatabase database = open.get(scope);
            if (database == null || database.version() != version) {
                if (database != null) {
                    open.remove(scope);
                    database.retire();
                    retired.add(database);
                }
                database = ScopedDatabase.open(version, directory, threads, MAX_MEMORY);
                open.put(scope, database);
            }
            if (!database.lease()) {
                throw new IllegalStateException("The analyst DuckDB of " + scope.label() + " closed unexpectedly");
            }
            return database;
        }
    }

    private synchronized Optional<ScopedDatabase> leaseOpen(AnalystScope scope, long version) {
        ScopedDatabase database = open.get(scope);
        return database != null && database.version() == version && database.lease()
                ? Optional.of(database)
                : Optional.empty();
    }

    /** The district's extract of this version; the first caller writes it, others of the same district wait for it. */
    private Path extract(long version, String district) {
        String key = version + "/" + district;
        var mine = new CompletableFuture<Path>();
        CompletableFuture<Path> writing = extracting.putIfAbsent(key, mine);
        if (writing == null) {
            try {
                mine.complete(extracts.ensure(warehouse, version, district));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            } finally {
                // Done either way: later callers find the directory on disk (or try again after a failure).
                extracting.remove(key, mine);
            }
            writing = mine;
        }
        try {
            return writing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The model versions this process's analyst instances read now (open ones, and retired ones whose queries still
     * run), which model retention must keep.
     */
    public synchronized Set<Long> versionsInUse() {
        retired.removeIf(database -> !database.inUse());
        var versions = new HashSet<Long>();
        open.values().forEach(database -> versions.add(database.version()));
        retired.forEach(database -> versions.add(database.version()));
        return versions;
    }

    private void checkScope(AnalystScope scope) {
        scope.districtCode().ifPresent(code -> {
            if (reference.districts().byCode(code).isEmpty()) {
                throw new IllegalArgumentException("未知的区县代码 \"" + code + "\"，请使用 data/reference/districts.csv 中的代码"
                        + " / unknown district code \"" + code + "\": use a code from data/reference/districts.csv");
            }
        });
    }

    private long currentVersion() {
        OptionalLong version = PublishedModel.currentVersion(warehouse);
        if (version.isEmpty() || !Files.isDirectory(warehouse.model(version.getAsLong()))) {
            throw new IllegalStateException("仓库 " + warehouse.root() + " 尚未构建模型，请先运行 bin/xiaoan build"
                    + " / no model has been built in " + warehouse.root() + " yet: run bin/xiaoan build");
        }
        return version.getAsLong();
    }

    private QueryLog.Entry entry(
            AnalystQuery query, long version, String outcome, long rows, boolean truncated, long started) {
        return new QueryLog.Entry(
                clock.instant(),
                query.user(),
                query.scope().label(),
                version,
                query.sql(),
                outcome,
                rows,
                truncated,
                millisSince(started));
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    @Override
    public synchronized void close() {
        canceller.shutdownNow();
        open.values().forEach(ScopedDatabase::retire);
        open.clear();
    }
}
