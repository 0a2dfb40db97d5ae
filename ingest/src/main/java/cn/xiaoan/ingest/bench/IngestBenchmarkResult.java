package cn.xiaoan.ingest.bench;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.ingest.Ingestor;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One benchmark run: a sample ledger ingested by {@link Ingestor} from {@code format}, and the same rows as CSV
 * converted by DuckDB's own {@code COPY (SELECT * FROM read_csv(…)) TO … (FORMAT parquet)}, which reads and writes
 * but validates nothing, each timed in one or more rounds (the best of each is compared, since the machine is
 * shared). {@code maxHeapBytes} is the JVM's heap limit during the run.
 */
public record IngestBenchmarkResult(
        BenchmarkFormat format,
        long rows,
        long accepted,
        List<Duration> ingestRuns,
        List<Duration> baselineRuns,
        long maxHeapBytes,
        int processors) {
    public IngestBenchmarkResult {
        requireNonNull(format, "format");
        ingestRuns = List.copyOf(ingestRuns);
        baselineRuns = List.copyOf(baselineRuns);
        if (ingestRuns.isEmpty() || baselineRuns.isEmpty()) {
            throw new IllegalArgumentException("Cannot report an ingest benchmark without a timed round");
        }
    }

    /** The best ingest round. */
    public Duration ingest() {
        return Collections.min(ingestRuns);
    }

    /** The best DuckDB round. */
    public Duration duckDbBaseline() {
        return Collections.min(baselineRuns);
    }

    public double ingestRowsPerSecond() {
        return rows / seconds(ingest());
    }

    public double baselineRowsPerSecond() {
        return rows / seconds(duckDbBaseline());
    }

    private static String millis(List<Duration> runs) {
        return runs.stream().map(run -> run.toMillis() + " ms").collect(Collectors.joining(", "));
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
                "ingest benchmark: %,d ledger rows, JVM heap -Xmx%dm, %d processors, best of %d rounds%n"
                        + "  xiaoan ingest (%s, validated)      %,8d ms  %,10.0f rows/s  (%,d accepted)  rounds %s%n"
                        + "  DuckDB read_csv → Parquet (csv)    %,8d ms  %,10.0f rows/s  rounds %s%n"
                        + "  ratio xiaoan / DuckDB              %.2f",
                rows,
                maxHeapBytes >> 20,
                processors,
                ingestRuns.size(),
                format.extension(),
                ingest().toMillis(),
                ingestRowsPerSecond(),
                accepted,
                millis(ingestRuns),
                duckDbBaseline().toMillis(),
                baselineRowsPerSecond(),
                millis(baselineRuns),
                ratio());
    }
}
