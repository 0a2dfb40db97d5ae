package cn.xiaoan.analytics.build.spark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.BuildEngineChoice;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.build.ModelComparison;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Spark build on a real standalone master and worker (loopback) publishes the model DuckDB builds. */
class SparkStandaloneBuildIT {
    private static final ReferenceData REFERENCE = ReferenceData.load();

    @TempDir
    Path root;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void buildsOnAStandaloneClusterTheModelDuckDbBuilds() throws Exception {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("warehouse"), 30, 1_000, 5);
        ModelVersion duckDb = new ModelBuilder(warehouse, REFERENCE, Clock.systemUTC()).build();

        try (var cluster = SparkStandaloneCluster.start(root.resolve("spark-home"))) {
            // One small executor fits the worker's 1 GB on a two-core machine.
            var onCluster = new BuildEngineChoice(
                    "spark",
                    "Spark on " + cluster.masterUrl(),
                    scratch -> SparkBuildEngine.start(
                            cluster.masterUrl(),
                            scratch,
                            Map.of(
                                    "spark.executor.memory", "512m",
                                    "spark.cores.max", "1",
                                    "spark.sql.shuffle.partitions", "2")));
            ModelVersion spark;
            try {
                spark = new ModelBuilder(warehouse, REFERENCE, Clock.systemUTC(), onCluster).build();
            } catch (RuntimeException e) {
                throw new AssertionError("The build on " + cluster.masterUrl() + " failed:\n" + cluster.logs(), e);
            }

            assertThat(BuildManifest.read(warehouse.model(spark.version()).resolve(BuildManifest.FILE_NAME))
                            .engine())
                    .isEqualTo("spark");
            assertThat(PublishedModel.currentVersion(warehouse)).hasValue(spark.version());
            assertThat(ModelComparison.differences(warehouse.model(duckDb.version()), warehouse.model(spark.version())))
                    .as(cluster.logs())
                    .isEmpty();
        }
    }
}
