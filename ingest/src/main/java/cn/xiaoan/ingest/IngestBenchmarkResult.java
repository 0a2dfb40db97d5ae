package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;

/**
 * One benchmark run: a sample ledger ingested by {@link Ingestor} from {@code format}, and the same rows as CSV
 * converted by DuckDB's own {@code COPY (SELECT * FROM read_csv(…)) TO … (FORMAT parquet)}, which reads and writes
 * but validates nothing. {@code maxHeapBytes} is the JVM's heap limit during the run.
 */
public record IngestBenchmarkResult(
        BenchmarkFormat format,
        long rows,
        long accepted,
        Duration ingest,
        Duration duckDbBaseline,
        long maxHeapBytes,
        int processors) {
    public IngestBenchmarkResult {
        requireNonNull(format, "format");
        requireNonNull(ingest, "ingest");
        requireNonNull(duckDbBaseline, "duckDbBaseline");
    }

    public double ingestRowsPerSecond() {
        return rows / seconds(ingest);
    }

    public double baselineRowsPerSecond() {
        return rows / seconds(duckDbBaseline);
    }

    /** Ingest throughput as a fraction of DuckDB's; the CSV target is at least 0.5. */
    public double ratio() {
        return ingestRowsPerSecond() / baselineRowsPerSecond();
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }

    /** Side by side, one figure a line. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "ingest benchmark: %,d ledger rows, JVM heap -Xmx%dm, %d processors%n"
                        + "  xiaoan ingest (%s, validated)      %,8d ms  %,10.0f rows/s  (%,d accepted)%n"
                        + "  DuckDB read_csv → Parquet (csv)    %,8d ms  %,10.0f rows/s%n"
                        + "  ratio xiaoan / DuckDB              %.2f",
                rows,
                maxHeapBytes >> 20,
                processors,
                format.extension(),
                ingest.toMillis(),
                ingestRowsPerSecond(),
                accepted,
                duckDbBaseline.toMillis(),
                baselineRowsPerSecond(),
                ratio());
    }
}
