package cn.xiaoan.analytics;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session for every test class of this JVM (starting one takes seconds); never stopped by a test,
 * it ends with the JVM.
 */
final class SharedSpark {
    private SharedSpark() {}

    static SparkSession session() {
        return Holder.SESSION;
    }

    /** Spark settings small enough for a test and for the two cores of a CI machine. */
    static Map<String, String> testSettings() {
        return Map.of(
                "spark.sql.shuffle.partitions", "2",
                "spark.default.parallelism", "2",
                "spark.ui.enabled", "false",
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1");
    }

    private static final class Holder {
        private static final SparkSession SESSION = create();

        private static SparkSession create() {
            SparkSession.Builder builder =
                    SparkSession.builder().master("local[2]").appName("xiaoan tests");
            testSettings().forEach(builder::config);
            return builder.getOrCreate();
        }
    }
}
