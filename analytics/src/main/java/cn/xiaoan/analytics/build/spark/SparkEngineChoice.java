package cn.xiaoan.analytics.build.spark;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.build.BuildEngine;
import cn.xiaoan.analytics.build.BuildEngineChoice;
import java.nio.file.Path;

/**
 * The Spark build engine as a {@link BuildEngineChoice}. This class names no Spark type itself: Spark's classes are
 * loaded only when the engine is opened, so the DuckDB path needs no Spark jar on the classpath.
 */
public final class SparkEngineChoice {
    /** Spark's master when none is given: every core of this machine. */
    public static final String DEFAULT_MASTER = "local[*]";

    private SparkEngineChoice() {}

    /** Spark with its own session on {@code master}, stopped when the build ends. */
    public static BuildEngineChoice on(String master) {
        requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("Cannot use Spark: the master URL is blank (e.g. local[*])");
        }
        return new BuildEngineChoice("spark", "Spark on " + master, scratch -> start(master, scratch));
    }

    private static BuildEngine start(String master, Path scratch) {
        try {
            return SparkBuildEngine.start(master, scratch);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "Cannot build with Spark: Spark is not on the classpath (" + e.getMessage()
                            + "); bin/xiaoan adds api/target/spark-lib/ for --engine spark, spark-submit adds its own",
                    e);
        }
    }
}
