package cn.xiaoan.analytics.publish;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a model table's Parquet lives in a version directory: {@code <table>.parquet}, a single file (DuckDB writes
 * one) or a directory of {@code part-*.parquet} files (Spark writes one per task). Readers accept both.
 */
public final class ModelFiles {
    private ModelFiles() {}

    public static Path location(Path versionDirectory, ModelTable table) {
        return versionDirectory.resolve(table.tableName() + ".parquet");
    }

    public static boolean exists(Path location) {
        return Files.isRegularFile(location) || Files.isDirectory(location);
    }

    /**
     * The argument for DuckDB's {@code read_parquet}: the file itself, or the directory's part files (the glob skips
     * Spark's {@code _SUCCESS} marker and its dot-prefixed checksum files).
     */
    public static String duckDbSource(Path location) {
        return Files.isDirectory(location) ? location.resolve("*.parquet").toString() : location.toString();
    }
}
