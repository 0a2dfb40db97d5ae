package cn.xiaoan.analytics.sql;

import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A district's own copy of a model version, {@code scopes/v=<n>/district=<code>/<table>.parquet}, so that a locked
 * DuckDB whose only allowed directory is this one cannot reach another district's rows (DuckDB has no row-level
 * security). Per table: a {@code district_code} column filters it; else a {@code school_code} column filters it by the
 * district of the school in {@code dim_school}; else a {@code dim_*} table is reference data and copied whole; any
 * other table is left out (deny by default: a new table must say whose rows it holds). Written once per version and
 * district by trusted SQL, under a dot-directory renamed into place, so concurrent writers and readers are safe.
 */
final class DistrictExtract {
    private DistrictExtract() {}

    static Path directory(Warehouse warehouse, long version, String districtCode) {
        return warehouse.root().resolve("scopes").resolve("v=" + version).resolve("district=" + districtCode);
    }

    /** The extract's directory, written first if it does not exist yet. */
    static Path ensure(Warehouse warehouse, long version, String districtCode) {
        Path target = directory(warehouse, version, districtCode);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path staging = DurableFiles.temporarySibling(target);
        try {
            Files.createDirectories(staging);
            write(warehouse.model(version), staging, districtCode);
            DurableFiles.publish(staging, target);
        } catch (IOException e) {
            // Another process may have written the same extract first; theirs is identical.
            if (!Files.isDirectory(target)) {
                throw new UncheckedIOException("Cannot write the district extract " + target, e);
            }
        } finally {
            deleteRecursively(staging);
        }
        return target;
    }

    private static void write(Path model, Path staging, String districtCode) {
        List<ParquetTable> tables = ParquetTable.discover(model);
        ParquetTable schools = tables.stream()
                .filter(table -> table.name().equals("dim_school"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Cannot scope the model to a district: " + model + " has no dim_school table"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            for (ParquetTable table : tables) {
                List<String> columns = columns(connection, table);
                String filter;
                if (columns.contains("district_code")) {
                    filter = " WHERE district_code = ?";
                } else if (columns.contains("school_code")) {
                    filter = " WHERE school_code IN (SELECT school_code FROM " + schools.readExpression()
                            + " WHERE district_code = ?)";
                } else if (table.isDimension()) {
                    filter = "";
                } else {
                    continue;
                }
                Path file = staging.resolve(table.name() + ".parquet");
                try (PreparedStatement copy = connection.prepareStatement("COPY (SELECT * FROM "
                        + table.readExpression() + filter + ") TO " + SqlTemplate.quote(file.toString())
                        + " (FORMAT parquet)")) {
                    if (!filter.isEmpty()) {
                        copy.setString(1, districtCode);
                    }
                    copy.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot write the extract of district " + districtCode + " from " + model + ": " + e.getMessage(),
                    e);
        }
    }

    private static List<String> columns(Connection connection, ParquetTable table) throws SQLException {
        var columns = new ArrayList<String>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + table.readExpression())) {
            while (rows.next()) {
                columns.add(rows.getString("column_name"));
            }
        }
        return columns;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
