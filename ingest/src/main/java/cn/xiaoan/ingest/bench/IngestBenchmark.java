package cn.xiaoan.ingest.bench;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.BatchWriter;
import cn.xiaoan.ingest.Batches;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.IngestResult;
import cn.xiaoan.ingest.Ingestor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Measures ledger ingest against DuckDB's own CSV → Parquet conversion of the same rows, in one run. The work
 * directory gets a sample ledger (CSV, and XLSX when that is the format measured) and a fresh warehouse whose register
 * lists the ledger's school codes, so rows are not rejected for unknown schools; all of it is removed afterwards.
 */
public final class IngestBenchmark {
    public static final long MAX_ROWS = 1_000_000_000L;
    /** Rows of an XLSX sheet, less the title and header rows. */
    private static final long XLSX_MAX_DATA_ROWS = 1_048_576 - 2;

    public static final int MAX_REPEATS = 20;

    private final ReferenceData reference;

    public IngestBenchmark(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    /**
     * Times {@code repeats} rounds of DuckDB's conversion then our ingest into a fresh warehouse (so the second round
     * is not recognised as already ingested); the result reports the best round of each.
     */
    public IngestBenchmarkResult run(Path workDirectory, long rows, BenchmarkFormat format, int repeats) {
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
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException(
                    "Cannot benchmark ingest: repeats must be between 1 and " + MAX_REPEATS + ", got " + repeats);
        }
        Path scratch = null;
        try {
            Files.createDirectories(workDirectory);
            scratch = Files.createTempDirectory(workDirectory, "bench-ingest-");
            Path csv = SampleLedger.writeCsv(scratch.resolve("ledger.csv"), rows);
            Path ledger =
                    format == BenchmarkFormat.XLSX ? SampleLedger.writeXlsx(scratch.resolve("ledger.xlsx"), rows) : csv;
            Path register = SampleLedger.writeRegister(scratch.resolve("register.csv"));
            var ingestRuns = new ArrayList<Duration>();
            var baselineRuns = new ArrayList<Duration>();
            IngestResult result = null;
            for (int round = 0; round < repeats; round++) {
                Path baseline = scratch.resolve("baseline.parquet");
                long start = System.nanoTime();
                duckDbCopy(csv, baseline);
                baselineRuns.add(Duration.ofNanos(System.nanoTime() - start));
                Files.delete(baseline);

                Path warehouse = scratch.resolve("warehouse");
                var ingestor = new Ingestor(new Warehouse(warehouse), reference);
                ingestor.ingest(IngestRequest.of(Dataset.SCHOOLS, register), IngestProgress.silent());
                start = System.nanoTime();
                result = ingestor.ingest(IngestRequest.of(Dataset.LEDGER, ledger), IngestProgress.silent());
                ingestRuns.add(Duration.ofNanos(System.nanoTime() - start));
                Batches.deleteRecursively(warehouse);
            }
            return new IngestBenchmarkResult(
                    format,
                    result.read(),
                    result.accepted(),
                    ingestRuns,
                    baselineRuns,
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
