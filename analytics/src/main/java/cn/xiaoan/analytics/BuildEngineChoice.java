package cn.xiaoan.analytics;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Which engine builds the model: DuckDB in-process (the default), or Spark on any master URL ({@code local[*]},
 * {@code spark://host:port}, …). Spark's classes are touched only when Spark is chosen, so the DuckDB path needs no
 * Spark jar on the classpath.
 */
public final class BuildEngineChoice {
    /** Spark's master when none is given: every core of this machine. */
    public static final String DEFAULT_SPARK_MASTER = "local[*]";

    private final String engineName;
    private final String description;
    private final Function<Path, BuildEngine> opener;

    BuildEngineChoice(String engineName, String description, Function<Path, BuildEngine> opener) {
        this.engineName = engineName;
        this.description = description;
        this.opener = opener;
    }

    public static BuildEngineChoice duckDb() {
        return new BuildEngineChoice("duckdb", "DuckDB (in-process)", DuckDbBuildEngine::new);
    }

    /** Spark with its own session on {@code master}, stopped when the build ends. */
    public static BuildEngineChoice spark(String master) {
        requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("Cannot use Spark: the master URL is blank (e.g. local[*])");
        }
        return new BuildEngineChoice("spark", "Spark on " + master, scratch -> startSpark(master, scratch));
    }

    private static BuildEngine startSpark(String master, Path scratch) {
        try {
            return SparkBuildEngine.start(master, scratch);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "Cannot build with Spark: Spark is not on the classpath (" + e.getMessage()
                            + "); bin/xiaoan adds api/target/spark-lib/ for --engine spark, spark-submit adds its own",
                    e);
        }
    }

    /** The name recorded in {@code build.json}: {@code duckdb} or {@code spark}. */
    public String engineName() {
        return engineName;
    }

    /** For messages: the engine and, for Spark, its master. */
    public String description() {
        return description;
    }

    /** Opens the engine; {@code scratch} is a private directory for spill files, deleted after the build. */
    BuildEngine open(Path scratch) {
        return opener.apply(scratch);
    }
}
