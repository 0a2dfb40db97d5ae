package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The generator's CSV throughput against DuckDB writing as many rows of a similar shape with {@code COPY … TO} on the
 * same machine.
 *
 * @param hazards unique hazards generated
 * @param generatorRows rows over every CSV file the generator wrote (all ledger snapshots and the other returns)
 * @param generatorElapsed wall time of the generator run
 * @param duckdbRows rows DuckDB wrote (equal to {@code generatorRows})
 * @param duckdbElapsed wall time of DuckDB's {@code COPY}
 * @param duckdbThreads DuckDB's worker threads (the generator uses one)
 */
public record GeneratorBenchmarkResult(
        long hazards,
        long generatorRows,
        Duration generatorElapsed,
        long duckdbRows,
        Duration duckdbElapsed,
        int duckdbThreads) {
    public GeneratorBenchmarkResult {
        requireNonNull(generatorElapsed, "generatorElapsed");
        requireNonNull(duckdbElapsed, "duckdbElapsed");
    }

    public double generatorHazardsPerSecond() {
        return perSecond(hazards, generatorElapsed);
    }

    public double generatorRowsPerSecond() {
        return perSecond(generatorRows, generatorElapsed);
    }

    public double duckdbRowsPerSecond() {
        return perSecond(duckdbRows, duckdbElapsed);
    }

    /** Generator rows/s divided by DuckDB rows/s: above 1 means the generator writes CSV faster. */
    public double ratio() {
        double duckdb = duckdbRowsPerSecond();
        return duckdb == 0 ? Double.NaN : generatorRowsPerSecond() / duckdb;
    }

    /** A few lines for the command line. */
    public String describe() {
        return "generator: " + hazards + " hazards, " + generatorRows + " CSV rows in " + seconds(generatorElapsed)
                + " s = " + Math.round(generatorHazardsPerSecond()) + " hazards/s, "
                + Math.round(generatorRowsPerSecond()) + " rows/s (1 thread)\n"
                + "duckdb:    " + duckdbRows + " CSV rows in " + seconds(duckdbElapsed) + " s = "
                + Math.round(duckdbRowsPerSecond()) + " rows/s (" + duckdbThreads + " threads)\n"
                + "ratio:     " + Math.round(ratio() * 100) / 100.0 + " (generator rows/s ÷ duckdb rows/s)";
    }

    private static double perSecond(long count, Duration elapsed) {
        long nanos = elapsed.toNanos();
        return nanos == 0 ? 0 : count * 1e9 / nanos;
    }

    private static String seconds(Duration elapsed) {
        return Double.toString(Math.round(elapsed.toMillis() / 10.0) / 100.0);
    }
}
