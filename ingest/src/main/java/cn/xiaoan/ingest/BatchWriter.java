package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleSupplier;

/**
 * Accepted rows of one batch, written as Parquet part files ({@code part-0.parquet}, {@code part-1.parquet}, …) into
 * the staging directory, which the ingestor renames into place as a whole.
 *
 * <p>Rows arrive as {@link RowBatch}es already encoded in a plain, fixed form (texts bare unless they need quotes,
 * the empty text as {@code ""}, dates as epoch days, NULL as an empty field) and are appended to a scratch CSV per
 * part, which DuckDB's CSV reader turns into Parquet with the logical schema. Why not DuckDB's Appender: with
 * duckdb_jdbc 1.4.4 appending cost 1.5 µs a ledger row plus a second pass to split packed text. Why parts: a full
 * part is handed to a converting thread while the next ones are written (up to {@link #MAX_PENDING_CONVERSIONS}
 * waiting), so the conversion overlaps reading and validating, and memory and scratch space stay bounded whatever
 * the file size. Parts start small ({@link #FIRST_PART_ROWS}) so the conversion starts early, grow to {@link
 * #ROWS_PER_PART} (small enough that DuckDB never waits long for the next), and shrink as the end of the file nears
 * so little is left to convert once reading ends. While rows are read DuckDB leaves one core to the validating
 * thread; the last part gets every core.
 */
public final class BatchWriter implements AutoCloseable {
    /** Matches every part file of a batch. */
    static final String PART_FILES = "part-*.parquet";

    static final int ROWS_PER_PART = 1 << 17;

    static final int FIRST_PART_ROWS = 1 << 16;
    /** DuckDB's native memory for the conversion. */
    private static final String MEMORY_LIMIT = "256MB";

    /** Parts written ahead of the conversions, so the reading side rarely waits for DuckDB. */
    private static final int MAX_PENDING_CONVERSIONS = 2;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** The longest scratch row DuckDB accepts: 17 cells of 32,767 characters and their extra columns fit. */
    private static final long MAX_LINE_BYTES = 8L << 20;
    /** DuckDB's CSV read buffer: two of the longest rows, so memory stays within {@link #MEMORY_LIMIT}. */
    private static final long READ_BUFFER_BYTES = 2 * MAX_LINE_BYTES;

    /** A column of the Parquet file; {@code constant} is its SQL value when the whole batch shares it, else null. */
    private record Column(String name, String type, String constant) {
        boolean inScratch() {
            return constant == null;
        }

        /** How the scratch CSV holds it: dates as their epoch day. */
        String scratchType() {
            return type.equals("DATE") ? "INTEGER" : type;
        }

        String select() {
            if (constant != null) {
                return "CAST(" + constant + " AS " + type + ") AS " + name;
            }
            return type.equals("DATE") ? "DATE '1970-01-01' + " + name + " AS " + name : name;
        }
    }

    private final Conversion conversion;
    private final Path staging;
    private final int maxRowsPerPart;
    private final int minRowsPerPart;
    private final DoubleSupplier shareRead;
    private long rowsWritten;
    private int rowsPerPart;
    private final Connection connection;
    private final ExecutorService converting;
    /** Parts handed over and not yet converted, oldest first. */
    private final ArrayDeque<Future<?>> pendingConversions = new ArrayDeque<>();

    private OutputStream scratch;
    private int part;
    private int rowsInPart;
    private boolean finished;

    BatchWriter(Path staging, String columnsDdl, long batchId, int reportDay, DoubleSupplier shareRead)
            throws SQLException {
        this(staging, columnsDdl, batchId, reportDay, FIRST_PART_ROWS, ROWS_PER_PART, shareRead);
    }

    /**
     * Parts of {@code firstPartRows}, doubling up to {@code maxRowsPerPart}, and shrinking (down to a quarter of the
     * first) as {@code shareRead} (the share of the source read, NaN when unknown) nears its end.
     */
    BatchWriter(
            Path staging,
            String columnsDdl,
            long batchId,
            int reportDay,
            int firstPartRows,
            int maxRowsPerPart,
            DoubleSupplier shareRead)
            throws SQLException {
        this.staging = staging;
        this.rowsPerPart = firstPartRows;
        this.minRowsPerPart = Math.max(1, firstPartRows / 4);
        this.maxRowsPerPart = maxRowsPerPart;
        this.shareRead = shareRead;
        // The batch id and report date are the same on every row: they go into the SELECT, not the scratch rows.
        this.conversion = Conversion.of(parse(
                columnsDdl + ", " + Converter.COMMON_COLUMNS_DDL,
                Map.of("batch_id", Long.toString(batchId), "report_date", "DATE '1970-01-01' + " + reportDay)));
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET temp_directory = '"
                    + sqlString(staging.resolve(".spill").toString()) + "'");
            statement.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
            statement.execute("SET preserve_insertion_order = false");
            // While rows are read, the validating thread keeps a core of its own; the last part gets them all (finish).
            statement.execute("SET threads = " + Math.max(1, CORES - 1));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        this.converting = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "xiaoan-ingest-parquet");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static List<Column> parse(String ddl, Map<String, String> constants) {
        var parsed = new ArrayList<Column>();
        for (String definition : ddl.split(",")) {
            String[] parts = definition.strip().split(" ");
            parsed.add(new Column(parts[0], parts[1], constants.get(parts[0])));
        }
        return parsed;
    }

    public static String sqlString(String text) {
        return text.replace("'", "''");
    }

    private Path scratchFile(int number) {
        return staging.resolve(".part-" + number + ".csv");
    }

    /** Appends a batch's rows to the current part; a part that reaches its size is handed over to be converted. */
    void write(RowBatch batch) throws SQLException {
        openScratch();
        try {
            scratch.write(batch.bytes(), 0, batch.length());
        } catch (IOException e) {
            throw new SQLException("Cannot write the batch's scratch file: " + e.getMessage(), e);
        }
        rowsInPart += batch.rows();
        rowsWritten += batch.rows();
        if (rowsInPart >= rowsPerPart) {
            nextPart();
        }
    }

    private void openScratch() throws SQLException {
        if (scratch != null) {
            return;
        }
        try {
            scratch = Files.newOutputStream(scratchFile(part));
        } catch (IOException e) {
            throw new SQLException("Cannot write the batch's scratch file: " + e.getMessage(), e);
        }
    }

    private void closeScratch() throws SQLException {
        if (scratch == null) {
            return;
        }
        try {
            scratch.close();
        } catch (IOException e) {
            throw new SQLException("Cannot write the batch's scratch file: " + e.getMessage(), e);
        } finally {
            scratch = null;
        }
    }

    /**
     * Hands the full part to the converting thread (waiting first while {@link #MAX_PENDING_CONVERSIONS} parts are
     * still to convert) and starts the next.
     */
    private void nextPart() throws SQLException {
        closeScratch();
        awaitConversions(MAX_PENDING_CONVERSIONS - 1);
        int full = part;
        pendingConversions.addLast(converting.submit(() -> {
            convert(full);
            return null;
        }));
        part++;
        rowsInPart = 0;
        rowsPerPart = nextPartRows();
    }

    /**
     * Twice the last part, up to the maximum; but once the rows left (estimated from the share of the file read) are
     * fewer, half of them, so the parts shrink towards the end and the conversion still to do when reading ends,
     * which nothing overlaps, is small.
     */
    private int nextPartRows() {
        int doubled = (int) Math.min(2L * rowsPerPart, maxRowsPerPart);
        double share = shareRead.getAsDouble();
        if (Double.isNaN(share) || share <= 0) {
            return doubled;
        }
        long remaining = share >= 1 ? 0 : (long) (rowsWritten * (1 - share) / share);
        return (int) Math.max(minRowsPerPart, Math.min(doubled, remaining / 2));
    }

    /** Waits until at most {@code pending} handed-over parts are still to be converted. */
    private void awaitConversions(int pending) throws SQLException {
        while (pendingConversions.size() > pending) {
            try {
                pendingConversions.peekFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while writing Parquet", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new SQLException("Cannot write Parquet: " + e.getCause().getMessage(), e.getCause());
            } finally {
                pendingConversions.pollFirst();
            }
        }
    }

    /** Part {@code number}'s scratch rows to Parquet, then the scratch file is removed. */
    private void convert(int number) throws SQLException {
        Path source = scratchFile(number);
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT " + conversion.select() + " FROM read_csv('" + sqlString(source.toString())
                    + "', " + conversion.readOptions() + ")) TO '"
                    + sqlString(staging.resolve("part-" + number + ".parquet").toString()) + "' (FORMAT parquet)");
        }
        try {
            Files.deleteIfExists(source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + source, e);
        }
    }

    /** What every part's conversion selects and how it reads the scratch CSV; the same for all parts of a batch. */
    private record Conversion(String select, String readOptions) {
        static Conversion of(List<Column> columns) {
            var select = new StringBuilder();
            var types = new StringBuilder();
            for (Column column : columns) {
                select.append(select.length() == 0 ? "" : ", ").append(column.select());
                if (column.inScratch()) {
                    types.append(types.length() == 0 ? "" : ", ")
                            .append('\'')
                            .append(column.name())
                            .append("': '")
                            .append(column.scratchType())
                            .append('\'');
                }
            }
            return new Conversion(
                    select.toString(),
                    "header = false, auto_detect = false, delim = ',', quote = '\"', escape = '\"', new_line = '\\n',"
                            + " allow_quoted_nulls = false, max_line_size = " + MAX_LINE_BYTES + ", buffer_size = "
                            + READ_BUFFER_BYTES + ", columns = {" + types + "}");
        }
    }

    /** Writes the last part (the only one, even empty, when the batch has no other) and waits for every conversion. */
    void finish() throws SQLException {
        if (rowsInPart > 0 || part == 0) {
            openScratch();
            closeScratch();
            awaitConversions(0);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET threads = " + CORES);
            }
            convert(part);
        } else {
            awaitConversions(0);
        }
        finished = true;
    }

    @Override
    public void close() throws SQLException {
        converting.shutdown();
        try {
            if (!finished) {
                closeScratch();
            }
            awaitConversions(0);
        } finally {
            connection.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing with a better message.
        }
    }
}
