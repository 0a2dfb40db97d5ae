package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.SqlTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One table of a model version: {@code <name>.parquet}, a file (DuckDB build) or a directory of part files (Spark
 * writes one per task). Tables are discovered from the version directory, so a table added to the model appears here
 * without changes.
 */
record ParquetTable(String name, Path path) {
    private static final Pattern TABLE_FILE = Pattern.compile("([a-z][a-z0-9_]*)\\.parquet");

    ParquetTable {
        requireNonNull(name, "name");
        path = path.toAbsolutePath().normalize();
    }

    /** The tables in a directory, by name; dot-files and anything not named {@code <table>.parquet} are skipped. */
    static List<ParquetTable> discover(Path directory) {
        var tables = new ArrayList<ParquetTable>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry :
                    entries.sorted(Comparator.comparing(Path::getFileName)).toList()) {
                var matcher = TABLE_FILE.matcher(entry.getFileName().toString());
                if (matcher.matches() && (Files.isRegularFile(entry) || Files.isDirectory(entry))) {
                    tables.add(new ParquetTable(matcher.group(1), entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the model tables in " + directory, e);
        }
        return tables;
    }

    /** A dimension: reference data every scope reads whole (district analysts see every category, district …). */
    boolean isDimension() {
        return name.startsWith("dim_");
    }

    /**
     * The DuckDB table expression that reads this table ({@code _SUCCESS} and {@code .crc} files are not parts).
     * Without {@code hive_partitioning = false} the {@code v=<n>} in the path would become a column {@code v}.
     */
    String readExpression() {
        String files = Files.isDirectory(path) ? path.resolve("*.parquet").toString() : path.toString();
        return "read_parquet(" + SqlTemplate.quote(files) + ", hive_partitioning = false)";
    }
}
