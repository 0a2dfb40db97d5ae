package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelPins;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * {@code xiaoan export-duckdb FILE}: a DuckDB database of the published model for any JDBC client or the DuckDB CLI,
 * opened read-only. Fact tables are views over the version's Parquet by absolute path (the file stays small and
 * always reads the version it was made from, which the export pins so that retention keeps it); the {@code dim_*}
 * reference tables are copied in, so lookups work offline. With {@code copy} every table is copied in and the file
 * stands alone. A table {@code xiaoan_export} says which version the file holds or needs and how long it is kept. Every table and column carries its data-dictionary description as a COMMENT. The file is written under a
 * temporary name beside the target and renamed into place, so a reader never opens half a database.
 */
public final class DuckDbExport {
    private final Warehouse warehouse;
    private final DataDictionary dictionary;

    public DuckDbExport(Warehouse warehouse, DataDictionary dictionary) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.dictionary = requireNonNull(dictionary, "dictionary");
    }

    /** What was written: the file, the model version, and the tables as views and as copies. */
    public record Exported(
            Path file, long modelVersion, List<String> views, List<String> copiedTables, Optional<Path> pin) {
        public Exported {
            requireNonNull(file, "file");
            requireNonNull(pin, "pin");
            views = List.copyOf(views);
            copiedTables = List.copyOf(copiedTables);
        }
    }

    /**
     * Writes the database.
     *
     * @param replace whether an existing file may be replaced; without it an existing file is an error
     */
    public Exported export(Path file, boolean replace) {
        return export(file, replace, false, Instant.now());
    }

    /**
     * Writes the database; {@code copy}: every table copied in (a file that stands alone), else fact tables are views
     * and the version they read is pinned.
     */
    public Exported export(Path file, boolean replace, boolean copy, Instant now) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target) && !replace) {
            throw new IllegalArgumentException("文件 " + target + " 已存在；如需覆盖请加 --force / " + target
                    + " already exists: choose another name or pass --force to replace it");
        }
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(
                    target + " 是目录，请给出文件名 / " + target + " is a directory: give a file name");
        }
        OptionalLong current = PublishedModel.currentVersion(warehouse);
        if (current.isEmpty()) {
            throw new IllegalStateException("仓库 " + warehouse.root() + " 尚未构建模型，请先运行 bin/xiaoan build"
                    + " / no model has been built in " + warehouse.root() + " yet: run bin/xiaoan build");
        }
        long version = current.getAsLong();
        List<ParquetTable> tables = ParquetTable.discover(warehouse.model(version));
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        var views = new ArrayList<String>();
        var copies = new ArrayList<String>();
        try {
            Files.createDirectories(target.getParent());
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + temporary);
                    Statement statement = connection.createStatement()) {
                for (ParquetTable table : tables) {
                    if (copy || table.isDimension()) {
                        statement.execute(
                                "CREATE TABLE " + table.name() + " AS SELECT * FROM " + table.readExpression());
                        copies.add(table.name());
                    } else {
                        statement.execute(
                                "CREATE VIEW " + table.name() + " AS SELECT * FROM " + table.readExpression());
                        views.add(table.name());
                    }
                    comment(statement, table, version);
                }
                describe(statement, version, copy);
                statement.execute("CHECKPOINT");
            }
            DurableFiles.publish(temporary, target);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot export the model to " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export the model to " + target, e);
        } finally {
            deleteQuietly(temporary);
            deleteQuietly(temporary.resolveSibling(temporary.getFileName() + ".wal"));
        }
        Optional<Path> pin =
                copy ? Optional.empty() : Optional.of(ModelPins.pin(warehouse, version, target.toString(), now));
        return new Exported(target, version, views, copies, pin);
    }

    /** The {@code xiaoan_export} table: what the file holds or needs, and how long that stays available. */
    private void describe(Statement statement, long version, boolean copy) throws SQLException {
        Path model = warehouse.model(version);
        String needs = copy
                ? "nothing: every table is copied into this file, it stands alone / 全部表已复制入库，本文件可独立使用"
                : "the Parquet files of " + model + " (views read them) / 视图读取 " + model + " 下的 Parquet 文件";
        String kept = copy
                ? "as long as this file"
                : "model version " + version + " is pinned for this file and kept until the pin "
                        + warehouse.pins().resolve("v=" + version) + "/… is deleted or this file is exported again"
                        + " / 该版本已为本文件固定保留，直至删除该固定记录或重新导出";
        statement.execute("CREATE TABLE xiaoan_export (key VARCHAR, value VARCHAR)");
        statement.execute("INSERT INTO xiaoan_export VALUES ('model_version', " + SqlTemplate.quote("" + version)
                + "), ('warehouse', " + SqlTemplate.quote(warehouse.root().toString()) + "), ('needs', "
                + SqlTemplate.quote(needs) + "), ('kept', " + SqlTemplate.quote(kept) + ")");
        statement.execute("COMMENT ON TABLE xiaoan_export IS "
                + SqlTemplate.quote("What this export holds or needs (model v" + version + ") / 本导出文件的说明"));
    }

    private void comment(Statement statement, ParquetTable table, long version) throws SQLException {
        String kind = table.isDimension() ? "TABLE" : "VIEW";
        var documented = dictionary.table(table.name());
        String tableComment =
                documented.map(DataDictionary.Table::comment).orElse("未收入数据字典 / not in the data dictionary");
        statement.execute("COMMENT ON " + kind + " " + table.name() + " IS "
                + SqlTemplate.quote(tableComment + " (model v" + version + ")"));
        if (documented.isEmpty()) {
            return;
        }
        var existing = new java.util.HashSet<String>();
        try (var columns = statement.executeQuery("DESCRIBE " + table.name())) {
            while (columns.next()) {
                existing.add(columns.getString("column_name"));
            }
        }
        // The drift test keeps the dictionary exact; an export still succeeds if they drift apart meanwhile.
        for (DataDictionary.Column column : documented.get().columns()) {
            if (!existing.contains(column.name())) {
                continue;
            }
            statement.execute("COMMENT ON COLUMN " + table.name() + "." + column.name() + " IS "
                    + SqlTemplate.quote(column.comment()));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover dot-file beside the export is harmless and named as temporary.
        }
    }
}
