package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Measures ledger ingest against DuckDB's own CSV → Parquet conversion of the same rows, in one run. The work
 * directory gets a sample ledger (CSV, and XLSX when that is the format measured) and a fresh warehouse whose register
 * lists the ledger's school codes, so rows are not rejected for unknown schools; all of it is removed afterwards.
 */
public final class IngestBenchmark {
    public static final long MAX_ROWS = 1_000_000_000L;
    /** Rows of an XLSX sheet, less the title and header rows. */
    private static final long XLSX_MAX_DATA_ROWS = 1_048_576 - 2;

    private final ReferenceData reference;

    public IngestBenchmark(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    public IngestBenchmarkResult run(Path workDirectory, long rows, BenchmarkFormat format) {
        requireNonNull(workDirectory, "workDirectory");
        requireNonNull(format, "format");
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException(
                    "Cannot benchmark ingest: rows must be between 1 and " + MAX_ROWS + ", got " + rows);
        }
        if (format == BenchmarkFormat.XLSX && rows > XLSX_MAX_DATA_ROWS) {
            throw new IllegalArgumentException("Cannot benchmark ingest: an XLSX sheet holds at most "
                    + XLSX_MAX_DATA_ROWS + " ledger rows, got " + rows);
        }
        Path scratch = null;
        try {
            Files.createDirectories(workDirectory);
            scratch = Files.createTempDirectory(workDirectory, "bench-ingest-");
            Path csv = SampleLedger.writeCsv(scratch.resolve("ledger.csv"), rows);
            Path ledger =
                    format == BenchmarkFormat.XLSX ? SampleLedger.writeXlsx(scratch.resolve("ledger.xlsx"), rows) : csv;
            var ingestor = new Ingestor(new Warehouse(scratch.resolve("warehouse")), reference);
            Path register = SampleLedger.writeRegister(scratch.resolve("register.csv"));
            ingestor.ingest(IngestRequest.of(Dataset.SCHOOLS, register), IngestProgress.silent());

            long start = System.nanoTime();
            duckDbCopy(csv, scratch.resolve("baseline.parquet"));
            Duration duckDb = Duration.ofNanos(System.nanoTime() - start);

            start = System.nanoTime();
            IngestResult result = ingestor.ingest(IngestRequest.of(Dataset.LEDGER, ledger), IngestProgress.silent());
            Duration ingest = Duration.ofNanos(System.nanoTime() - start);
            return new IngestBenchmarkResult(
                    format,
                    result.read(),
                    result.accepted(),
                    ingest,
                    duckDb,
                    Runtime.getRuntime().maxMemory(),
                    Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the ingest benchmark: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run the ingest benchmark: DuckDB failed: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                Batches.deleteQuietly(scratch);
            }
        }
    }

    private static void duckDbCopy(Path csv, Path parquet) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + BatchWriter.sqlString(csv.toString()) + "')) TO '"
                    + BatchWriter.sqlString(parquet.toString()) + "' (FORMAT parquet)");
        }
    }
}
