package cn.xiaoan.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Accepted rows of one batch: appended through DuckDB's Appender into an in-memory table, and written as Parquet
 * part files ({@code part-0.parquet}, {@code part-1.parquet}, …) into the staging directory, which the ingestor
 * renames into place as a whole.
 *
 * <p>Why parts: every {@link #ROWS_PER_PART} rows the filled table is handed to a second connection that copies it
 * to Parquet while appending goes on into a fresh table, so writing Parquet overlaps reading and validating instead
 * of following it, and DuckDB holds at most two parts in native memory whatever the file size.
 *
 * <p>Why the packed column: with duckdb_jdbc 1.4.4 the Appender spends about 0.4 µs on each VARCHAR value however
 * short, against tens of nanoseconds for a number or date, which made a 17-text-column ledger five times slower
 * than DuckDB's own CSV reader. So the text columns of a row travel as one VARCHAR, joined by U+001F (U+001E marks
 * NULL; both are replaced by a space inside values), and the COPY splits them back with {@code string_split}. Dates,
 * booleans and numbers are appended as themselves. The Parquet schema is the logical one.
 */
final class BatchWriter implements AutoCloseable, RowWriter {
    /** Matches every part file of a batch. */
    static final String PART_FILES = "part-*.parquet";

    static final int ROWS_PER_PART = 1 << 18;
    private static final String TABLE = "batch_rows_";
    private static final char SEPARATOR = '\u001F';
    private static final char NULL_MARK = '\u001E';
    /** DuckDB's native memory for one batch; beyond it the rows spill to disk. */
    private static final String MEMORY_LIMIT = "256MB";

    private record Column(String name, String type) {
        boolean isText() {
            return type.equals("VARCHAR");
        }
    }

    private final DuckDBConnection connection;
    private final DuckDBConnection copier;
    private final ExecutorService copying;
    private Future<?> pendingCopy;
    private DuckDBAppender appender;
    private int part;
    private int rowsInPart;
    private final int rowsPerPart;
    private final List<Column> columns;
    private final StringBuilder packed = new StringBuilder(512);
    private boolean firstText = true;
    private final Path staging;
    private final long batchId;
    private final int reportDay;
    private boolean open = true;

    BatchWriter(Path staging, String columnsDdl, long batchId, int reportDay) throws SQLException {
        this(staging, columnsDdl, batchId, reportDay, ROWS_PER_PART);
    }

    BatchWriter(Path staging, String columnsDdl, long batchId, int reportDay, int rowsPerPart) throws SQLException {
        this.rowsPerPart = rowsPerPart;
        this.staging = staging;
        this.batchId = batchId;
        this.reportDay = reportDay;
        this.columns = parse(columnsDdl + ", " + Converter.COMMON_COLUMNS_DDL);
        this.connection = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET temp_directory = '"
                    + sqlString(staging.resolve(".spill").toString()) + "'");
            // Without a limit DuckDB keeps the whole batch in native memory (4 GB for ten million rows) until
            // the final copy; with it, the table spills to the staging directory and the process stays small.
            statement.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            statement.execute("SET preserve_insertion_order = false");
        }
        this.copier = connection.duplicate();
        this.copying = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "xiaoan-ingest-parquet");
            thread.setDaemon(true);
            return thread;
        });
        this.appender = newPart();
    }

    private DuckDBAppender newPart() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE main." + TABLE + part + " (" + physicalDdl() + ")");
        }
        rowsInPart = 0;
        return connection.createAppender("main", TABLE + part);
    }

    private static List<Column> parse(String ddl) {
        var parsed = new ArrayList<Column>();
        for (String definition : ddl.split(",")) {
            String[] parts = definition.strip().split(" ");
            parsed.add(new Column(parts[0], parts[1]));
        }
        return parsed;
    }

    /** The typed columns in logical order, then the packed text. */
    private String physicalDdl() {
        var ddl = new StringBuilder();
        for (Column column : columns) {
            if (!column.isText()) {
                ddl.append(column.name()).append(' ').append(column.type()).append(", ");
            }
        }
        return ddl.append("packed_text VARCHAR").toString();
    }

    private String logicalSelect() {
        var select = new StringBuilder();
        int text = 0;
        for (Column column : columns) {
            if (select.length() > 0) {
                select.append(", ");
            }
            if (column.isText()) {
                text++;
                select.append("nullif(t[")
                        .append(text)
                        .append("], chr(30)) AS ")
                        .append(column.name());
            } else {
                select.append(column.name());
            }
        }
        return select.toString();
    }

    static String sqlString(String text) {
        return text.replace("'", "''");
    }

    void beginRow() throws SQLException {
        appender.beginRow();
        packed.setLength(0);
        firstText = true;
    }

    @Override
    public void text(String value) throws SQLException {
        if (!firstText) {
            packed.append(SEPARATOR);
        }
        firstText = false;
        if (value == null) {
            packed.append(NULL_MARK);
            return;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            packed.append(c == SEPARATOR || c == NULL_MARK ? ' ' : c);
        }
    }

    @Override
    public void date(int epochDay) throws SQLException {
        if (epochDay == RowCheck.ABSENT || epochDay == RowCheck.INVALID) {
            appender.appendNull();
        } else {
            appender.appendEpochDays(epochDay);
        }
    }

    @Override
    public void bool(boolean value) throws SQLException {
        appender.append(value);
    }

    @Override
    public void count(int value) throws SQLException {
        if (value < 0) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    void endRow(int sourceRow, String extra) throws SQLException {
        appender.append(batchId);
        appender.appendEpochDays(reportDay);
        appender.append(sourceRow);
        text(extra);
        appender.append(packed.toString());
        appender.endRow();
        if (++rowsInPart == rowsPerPart) {
            nextPart();
        }
    }

    /** Hands the full part to the copying connection (after the previous copy ends) and starts the next. */
    private void nextPart() throws SQLException {
        closeAppender();
        awaitPendingCopy();
        int full = part;
        pendingCopy = copying.submit(() -> {
            copy(copier, full);
            return null;
        });
        part++;
        appender = newPart();
        open = true;
    }

    private void awaitPendingCopy() throws SQLException {
        if (pendingCopy == null) {
            return;
        }
        try {
            pendingCopy.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while writing Parquet", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("Cannot write Parquet: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pendingCopy = null;
        }
    }

    private void copy(Connection on, int number) throws SQLException {
        try (Statement statement = on.createStatement()) {
            statement.execute("COPY (SELECT " + logicalSelect() + " FROM (SELECT *, string_split(packed_text, chr(31))"
                    + " AS t FROM main." + TABLE + number + ")) TO '"
                    + sqlString(staging.resolve("part-" + number + ".parquet").toString()) + "' (FORMAT parquet)");
            statement.execute("DROP TABLE main." + TABLE + number);
        }
    }

    /** Writes the last part (the only one, even empty, when the batch has no other) and waits for every copy. */
    void finish() throws SQLException {
        closeAppender();
        awaitPendingCopy();
        if (rowsInPart > 0 || part == 0) {
            copy(connection, part);
        }
    }

    private void closeAppender() throws SQLException {
        if (open) {
            open = false;
            appender.close();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            closeAppender();
        } finally {
            copying.shutdown();
            try {
                awaitPendingCopy();
            } finally {
                try {
                    copier.close();
                } finally {
                    connection.close();
                }
            }
        }
    }
}
