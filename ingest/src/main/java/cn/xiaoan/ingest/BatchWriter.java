package cn.xiaoan.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Accepted rows of one batch: appended through DuckDB's Appender into an in-memory table (spilling into the staging
 * directory when large), then copied to {@code part-0.parquet} in the staging directory under a dot-name and renamed.
 */
final class BatchWriter implements AutoCloseable {
    static final String PART_FILE = "part-0.parquet";
    private static final String TABLE = "batch_rows";

    private final Connection connection;
    private final DuckDBAppender appender;
    private final Path staging;
    private final long batchId;
    private final int reportDay;
    private boolean appenderOpen = true;

    BatchWriter(Path staging, String columnsDdl, long batchId, int reportDay) throws SQLException {
        this.staging = staging;
        this.batchId = batchId;
        this.reportDay = reportDay;
        this.connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET temp_directory = '"
                    + sqlString(staging.resolve(".spill").toString()) + "'");
            statement.execute("SET preserve_insertion_order = true");
            statement.execute(
                    "CREATE TABLE main." + TABLE + " (" + columnsDdl + ", " + Converter.COMMON_COLUMNS_DDL + ")");
        }
        this.appender = connection.unwrap(DuckDBConnection.class).createAppender("main", TABLE);
    }

    static String sqlString(String text) {
        return text.replace("'", "''");
    }

    DuckDBAppender beginRow() throws SQLException {
        appender.beginRow();
        return appender;
    }

    void endRow(int sourceRow, String extra) throws SQLException {
        appender.append(batchId);
        appender.appendEpochDays(reportDay);
        appender.append(sourceRow);
        appender.append(extra);
        appender.endRow();
    }

    /** Writes the Parquet file into the staging directory and returns it. */
    Path finish() throws SQLException, IOException {
        appender.close();
        appenderOpen = false;
        Path temporary = staging.resolve("." + PART_FILE + ".tmp");
        Path part = staging.resolve(PART_FILE);
        try (Statement statement = connection.createStatement()) {
            statement.execute("COPY main." + TABLE + " TO '" + sqlString(temporary.toString())
                    + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        Files.move(temporary, part, StandardCopyOption.ATOMIC_MOVE);
        return part;
    }

    @Override
    public void close() throws SQLException {
        try {
            if (appenderOpen) {
                appender.close();
            }
        } finally {
            connection.close();
        }
    }
}
