package cn.xiaoan.ingest;

import java.time.Duration;

/**
 * One benchmark run: the same ledger CSV ingested by {@link Ingestor} and converted by DuckDB's own
 * {@code COPY (SELECT * FROM read_csv(…)) TO … (FORMAT parquet)}, which reads and writes but validates nothing.
 */
public record IngestBenchmarkResult(long rows, long accepted, Duration ingest, Duration duckDbBaseline) {
    public double ingestRowsPerSecond() {
        return rows / seconds(ingest);
    }

    public double baselineRowsPerSecond() {
        return rows / seconds(duckDbBaseline);
    }

    /** Ingest throughput as a fraction of DuckDB's; the target is at least 0.5. */
    public double ratio() {
        return ingestRowsPerSecond() / baselineRowsPerSecond();
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }

    public String summary() {
        return rows + " rows: ingest " + ingest.toMillis() + " ms (" + Math.round(ingestRowsPerSecond())
                + " rows/s, " + accepted + " accepted), DuckDB read_csv→Parquet " + duckDbBaseline.toMillis() + " ms ("
                + Math.round(baselineRowsPerSecond()) + " rows/s), ratio " + Math.round(ratio() * 100) / 100.0;
    }
}
