package cn.xiaoan.analytics.build;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Which engine builds the model: DuckDB in-process (the default), or Spark on any master URL ({@code local[*]},
 * {@code spark://host:port}, …; made by {@code build.spark.SparkEngineChoice}, which this package does not know).
 */
public final class BuildEngineChoice {
    private final String engineName;
    private final String description;
    private final Function<Path, BuildEngine> opener;

    public BuildEngineChoice(String engineName, String description, Function<Path, BuildEngine> opener) {
        this.engineName = engineName;
        this.description = description;
        this.opener = opener;
    }

    public static BuildEngineChoice duckDb() {
        return new BuildEngineChoice("duckdb", "DuckDB (in-process)", DuckDbBuildEngine::new);
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
    public BuildEngine open(Path scratch) {
        return opener.apply(scratch);
    }
}
