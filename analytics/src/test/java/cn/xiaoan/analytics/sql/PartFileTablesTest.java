package cn.xiaoan.analytics.sql;

import static cn.xiaoan.analytics.fixture.TwoDistrictModel.XINFU;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark writes a table as a directory of part files; analyst SQL and the export read it like a single file. */
class PartFileTablesTest {
    @TempDir
    Path root;

    /** Rewrites {@code <table>.parquet} as Spark would: two part files, {@code _SUCCESS} and a checksum dot-file. */
    private static void splitIntoParts(Path model, String table) throws Exception {
        Path file = model.resolve(table + ".parquet");
        Path parts = model.resolve("." + table + ".parts");
        Files.createDirectories(parts);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            String source = "read_parquet('" + file + "', hive_partitioning = false)";
            statement.execute("COPY (SELECT * FROM " + source + " WHERE school_code < '1409100000') TO '"
                    + parts.resolve("part-00000-a.snappy.parquet") + "' (FORMAT parquet)");
            statement.execute("COPY (SELECT * FROM " + source + " WHERE school_code >= '1409100000') TO '"
                    + parts.resolve("part-00001-a.snappy.parquet") + "' (FORMAT parquet)");
        }
        Files.writeString(parts.resolve("_SUCCESS"), "");
        Files.writeString(parts.resolve(".part-00000-a.snappy.parquet.crc"), "not parquet");
        Files.delete(file);
        Files.move(parts, file);
    }

    @Test
    void readsATableWrittenAsADirectoryOfPartFiles() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        splitIntoParts(warehouse.model(1), "current_hazards");
        splitIntoParts(warehouse.model(1), "dim_school");

        try (var sql = new AnalystSql(warehouse, ReferenceData.load(), Clock.systemUTC())) {
            assertThat(sql.run(new AnalystQuery(
                                    "analyst-1",
                                    AnalystScope.city(),
                                    "SELECT count(*) FROM current_hazards",
                                    QueryLimits.defaults()))
                            .rows())
                    .containsExactly(java.util.List.of(4L));
            assertThat(sql.run(new AnalystQuery(
                                    "analyst-1",
                                    AnalystScope.district(XINFU),
                                    "SELECT count(*) FROM current_hazards",
                                    QueryLimits.defaults()))
                            .rows())
                    .containsExactly(java.util.List.of(3L));
        }

        Path file = root.resolve("x.duckdb");
        new DuckDbExport(warehouse, DataDictionary.load()).export(file, false);
        var properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT (SELECT count(*) FROM current_hazards), (SELECT count(*) FROM dim_school)")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(4);
            assertThat(rows.getLong(2)).isEqualTo(3);
        }
    }
}
