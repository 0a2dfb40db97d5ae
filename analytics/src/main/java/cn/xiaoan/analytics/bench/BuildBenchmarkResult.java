package cn.xiaoan.analytics.bench;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** One build benchmark: DuckDB's build time (the baseline), Spark's, their ratio and whether the models match. */
public record BuildBenchmarkResult(
        long generatedHazards,
        long currentHazards,
        Duration duckDb,
        String sparkMaster,
        Duration spark,
        List<String> differences) {
    public BuildBenchmarkResult {
        requireNonNull(duckDb, "duckDb");
        requireNonNull(sparkMaster, "sparkMaster");
        requireNonNull(spark, "spark");
        differences = List.copyOf(differences);
    }

    /** Spark's build time over DuckDB's, measured in the same run. */
    public double sparkToDuckDbRatio() {
        return (double) spark.toNanos() / Math.max(1, duckDb.toNanos());
    }

    public boolean identical() {
        return differences.isEmpty();
    }

    public String describe() {
        return String.format(
                Locale.ROOT,
                "build of %,d generated hazards (%,d in current_hazards):%n"
                        + "  DuckDB (baseline)   %8.2f s%n"
                        + "  Spark %-13s %8.2f s  = %.2f× DuckDB%n"
                        + "  models identical: %s%s",
                generatedHazards,
                currentHazards,
                duckDb.toNanos() / 1e9,
                sparkMaster,
                spark.toNanos() / 1e9,
                sparkToDuckDbRatio(),
                identical() ? "yes 一致" : "NO 不一致",
                identical() ? "" : "%n  ".formatted() + String.join("%n  ".formatted(), differences));
    }
}
