package cn.xiaoan.analytics.bench;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.build.ModelComparison;
import cn.xiaoan.analytics.build.spark.SparkEngineChoice;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.SchoolRegister;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Builds the model of one generated warehouse twice, with DuckDB (the baseline) and with Spark, in the same run, and
 * checks that both versions are identical. Spark's time includes starting its session, as a build from the command
 * line does. Removes the warehouse when done.
 */
public final class BuildBenchmark {
    private static final long SEED = 20_241_231L;

    private final ReferenceData reference;

    public BuildBenchmark(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    public BuildBenchmarkResult run(Path workDirectory, long hazards, String sparkMaster) {
        requireNonNull(sparkMaster, "sparkMaster");
        if (hazards < 1) {
            throw new IllegalArgumentException("Cannot benchmark the build: hazards must be positive, got " + hazards);
        }
        Path root;
        try {
            Files.createDirectories(workDirectory);
            root = Files.createTempDirectory(workDirectory, "bench-build-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a benchmark warehouse in " + workDirectory, e);
        }
        try {
            int schools = SchoolRegister.loadDemo(reference).size();
            Warehouse warehouse = new GeneratedWarehouse(reference).create(root, schools, hazards, SEED);

            long started = System.nanoTime();
            ModelVersion duckDb = new ModelBuilder(warehouse, reference, Clock.systemUTC()).build();
            Duration duckDbTime = Duration.ofNanos(System.nanoTime() - started);

            started = System.nanoTime();
            ModelVersion spark = new ModelBuilder(
                            warehouse, reference, Clock.systemUTC(), SparkEngineChoice.on(sparkMaster))
                    .build();
            Duration sparkTime = Duration.ofNanos(System.nanoTime() - started);

            long currentHazards = BuildManifest.read(
                            warehouse.model(duckDb.version()).resolve(BuildManifest.FILE_NAME))
                    .rowCounts()
                    .getOrDefault(ModelTable.CURRENT_HAZARDS.tableName(), 0L);
            var differences =
                    ModelComparison.differences(warehouse.model(duckDb.version()), warehouse.model(spark.version()));
            return new BuildBenchmarkResult(hazards, currentHazards, duckDbTime, sparkMaster, sparkTime, differences);
        } finally {
            deleteRecursively(root);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the benchmark warehouse " + directory, e);
        }
    }
}
