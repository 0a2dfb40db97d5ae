package cn.xiaoan.analytics.build.spark;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point of {@code xiaoan-analytics-<version>-job.jar}: builds and publishes the next
 * model version of one warehouse in the session spark-submit configured (master, memory, …), exactly as
 * {@code bin/xiaoan build --engine spark} does. The warehouse must be a directory the driver can lock and rename in
 * (local or mounted), and the executors must see the same path.
 */
public final class SparkBuildJob {
    private SparkBuildJob() {}

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("用法 usage: spark-submit --class " + SparkBuildJob.class.getName()
                    + " xiaoan-analytics-job.jar WAREHOUSE_DIR   (仓库目录或 file: URI / a directory or a file: URI)");
            System.exit(2);
        }
        Warehouse warehouse = new Warehouse(warehouseRoot(args[0]));
        SparkSession session =
                SparkSession.builder().appName("xiaoan model build").getOrCreate();
        try {
            ModelVersion version = new ModelBuilder(
                            warehouse, ReferenceData.load(), Clock.systemUTC(), SparkBuildEngine.choiceIn(session))
                    .build();
            System.out.printf(
                    "模型版本 %d 已发布（%d 个批次）/ published model version %d from %d batches%n",
                    version.version(),
                    version.batchIds().size(),
                    version.version(),
                    version.batchIds().size());
        } finally {
            session.stop();
        }
    }

    /** A plain path or a {@code file:} URI; other schemes need a filesystem the driver can rename in atomically. */
    static Path warehouseRoot(String argument) {
        if (argument.contains(":") && !argument.startsWith("/")) {
            URI uri = URI.create(argument);
            if (!"file".equals(uri.getScheme())) {
                throw new IllegalArgumentException("Cannot build in " + argument + ": the model is published by an"
                        + " atomic rename on the driver, so the warehouse must be a local or mounted directory"
                        + " (file: URI); see docs/SPARK.md");
            }
            return Path.of(uri);
        }
        return Path.of(argument);
    }
}
