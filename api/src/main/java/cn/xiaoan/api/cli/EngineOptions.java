package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.build.BuildEngineChoice;
import cn.xiaoan.analytics.build.spark.SparkEngineChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --engine duckdb|spark} and {@code --master URL} of {@code xiaoan build}. */
final class EngineOptions {
    /** The engines a model can be built with. */
    enum Engine {
        DUCKDB,
        SPARK
    }

    @Option(
            names = "--engine",
            paramLabel = "duckdb|spark",
            defaultValue = "duckdb",
            converter = EngineConverter.class,
            description = "构建引擎 Build engine: duckdb (in-process) or spark (default: duckdb)")
    Engine engine;

    @Option(
            names = "--master",
            paramLabel = "URL",
            defaultValue = SparkEngineChoice.DEFAULT_MASTER,
            description = "Spark 主节点 Spark master URL, e.g. local[2], spark://host:7077 (default: ${DEFAULT-VALUE})")
    String master;

    BuildEngineChoice choice() {
        return switch (engine) {
            case DUCKDB -> BuildEngineChoice.duckDb();
            case SPARK -> SparkEngineChoice.on(master);
        };
    }

    /** Lower-case names on the command line; anything else is a clear error. */
    static final class EngineConverter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine engine : Engine.values()) {
                if (engine.name().equalsIgnoreCase(value.strip())) {
                    return engine;
                }
            }
            throw new IllegalArgumentException("Cannot use engine \"" + value + "\": expected duckdb or spark");
        }
    }
}
