package cn.xiaoan.analytics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbExportTest {
    @TempDir
    Path root;

    private List<String> query(Path database, String sql) throws SQLException {
        var properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        var rows = new ArrayList<String>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database, properties);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    @Test
    void writesADatabaseThatAFreshReadOnlyConnectionCanQueryWithComments() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        Path file = root.resolve("out").resolve("xiaoan.duckdb");

        var exported = new DuckDbExport(warehouse, DataDictionary.load()).export(file, false);

        assertThat(exported.modelVersion()).isEqualTo(1);
        assertThat(exported.views()).contains("current_hazards", "inspections", "surveys", "drills");
        assertThat(exported.copiedTables()).contains("dim_school", "dim_district", "dim_category");
        assertThat(query(file, "SELECT hazard_id FROM current_hazards ORDER BY 1"))
                .containsExactly("HD1", "HX1", "HX2", "HX3");
        assertThat(query(
                        file,
                        "SELECT d.name_zh FROM current_hazards h JOIN dim_school s USING (school_code)"
                                + " JOIN dim_district d ON d.code = s.district_code WHERE h.hazard_id = 'HD1'"))
                .containsExactly("定襄县");
        assertThat(query(file, "SELECT comment FROM duckdb_views() WHERE view_name = 'current_hazards'"))
                .singleElement()
                .asString()
                .startsWith("隐患当前状态")
                .contains(" / The current state of every hazard")
                .endsWith("(model v1)");
        assertThat(query(
                        file,
                        "SELECT comment FROM duckdb_columns() WHERE table_name = 'current_hazards'"
                                + " AND column_name = 'deadline'"))
                .containsExactly("整改期限（可为空：无期限） / Rectification deadline (empty: none set)");
        assertThat(query(
                        file,
                        "SELECT comment FROM duckdb_columns() WHERE table_name = 'dim_school'"
                                + " AND column_name = 'boarding'"))
                .containsExactly("是否寄宿制学校 / Whether the school is a boarding school");
        // Dimensions are copies: they stay readable even without the warehouse.
        assertThat(query(file, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'dim_category'"))
                .containsExactly("1");
        assertThatThrownBy(() -> query(file, "CREATE TABLE t AS SELECT 1")).hasMessageContaining("read-only");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).containsExactly("xiaoan.duckdb");
        }
    }

    @Test
    void aViewExportSaysWhichVersionItNeedsAndPinsIt() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        Path file = root.resolve("views.duckdb");

        var exported = new DuckDbExport(warehouse, DataDictionary.load()).export(file, false, false, Instant.EPOCH);

        assertThat(exported.pin()).hasValueSatisfying(pin -> assertThat(pin)
                .startsWith(warehouse.pins().resolve("v=1"))
                .exists());
        assertThat(query(file, "SELECT value FROM xiaoan_export WHERE key = 'model_version'"))
                .containsExactly("1");
        assertThat(query(file, "SELECT value FROM xiaoan_export WHERE key = 'needs'"))
                .singleElement()
                .asString()
                .contains(warehouse.model(1).toString());
        assertThat(query(file, "SELECT value FROM xiaoan_export WHERE key = 'kept'"))
                .singleElement()
                .asString()
                .contains("pinned");
    }

    @Test
    void aCopyExportStandsAloneAfterTheWarehouseIsDeleted() throws Exception {
        Path warehouseRoot = root.resolve("warehouse");
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(warehouseRoot));
        Path file = root.resolve("copy.duckdb");

        var exported = new DuckDbExport(warehouse, DataDictionary.load()).export(file, false, true, Instant.EPOCH);
        try (var paths = Files.walk(warehouseRoot)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        assertThat(exported.views()).isEmpty();
        assertThat(exported.pin()).isEmpty();
        assertThat(query(file, "SELECT hazard_id FROM current_hazards ORDER BY 1"))
                .containsExactly("HD1", "HX1", "HX2", "HX3");
        assertThat(query(file, "SELECT count(*) FROM duckdb_views() WHERE NOT internal"))
                .containsExactly("0");
        assertThat(query(file, "SELECT value FROM xiaoan_export WHERE key = 'needs'"))
                .singleElement()
                .asString()
                .contains("stands alone");
    }

    @Test
    void refusesToOverwriteWithoutReplaceAndReplacesWithIt() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        Path file = Files.writeString(root.resolve("existing.duckdb"), "not a database");
        var export = new DuckDbExport(warehouse, DataDictionary.load());

        assertThatThrownBy(() -> export.export(file, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already exists")
                .hasMessageContaining("--force");
        export.export(file, true);

        assertThat(query(file, "SELECT count(*) FROM dim_school")).containsExactly("3");
    }

    @Test
    void saysToBuildFirstWhenThereIsNoModel() {
        var export = new DuckDbExport(new Warehouse(root.resolve("empty")), DataDictionary.load());

        assertThatThrownBy(() -> export.export(root.resolve("x.duckdb"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bin/xiaoan build");
    }
}
