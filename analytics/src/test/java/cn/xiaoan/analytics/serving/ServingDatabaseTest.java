package cn.xiaoan.analytics.serving;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.fixture.FigureFixture;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.analytics.service.HazardQuery;
import cn.xiaoan.analytics.service.WarningPage;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving database holds the tables sized by cells, schools or days, the facts and the hazards' keys in memory and
 * reads the tables with the hazards' text through Parquet views, and frees a retired version's tables once its grace
 * period is over.
 */
class ServingDatabaseTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path root;

    /** Every model table and every table derived from them. */
    private static final int TABLES = ModelTable.values().length + ServingTable.values().length;

    private static Warehouse warehouse;
    private static long version;

    @BeforeAll
    static void buildModel() {
        warehouse = new Warehouse(root.resolve("warehouse"));
        FigureFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        version = PublishedModel.currentVersion(warehouse).orElseThrow();
    }

    @Test
    void residentTablesAreLoadedIntoMemoryAndTheHazardsTextStaysInParquetViews() throws SQLException {
        try (var database = new ServingDatabase()) {
            ServingModel model = ServingModel.open(database, warehouse, version);
            Map<String, String> kinds = tableKinds(database, model.schema());
            assertThat(kinds).hasSize(TABLES);
            for (ModelTable table : ModelTable.values()) {
                assertThat(kinds.get(table.tableName()))
                        .as(table.tableName())
                        .isEqualTo(table.resident() ? "BASE TABLE" : "VIEW");
            }
            assertThat(kinds)
                    .containsEntry("hazard_asof_cube", "BASE TABLE")
                    .containsEntry("dim_school", "BASE TABLE")
                    .containsEntry("hazard_facts", "BASE TABLE")
                    .containsEntry("hazard_keys", "BASE TABLE")
                    .containsEntry("current_hazards", "VIEW")
                    .containsEntry("hazard_history", "VIEW");
        }
    }

    @Test
    void theHazardKeysHoldEveryHazardOfARegisteredSchoolByItsSchoolWithItsRowInTheParquet() throws SQLException {
        try (var database = new ServingDatabase()) {
            ServingModel model = ServingModel.open(database, warehouse, version);
            try (Connection connection = database.connect(model.schema());
                    Statement statement = connection.createStatement()) {
                String registered = " FROM current_hazards WHERE school_code IN (SELECT school_code FROM dim_school)";
                String differences = "SELECT COUNT(*) FROM ((SELECT hazard_id, school_code, district_code, category,"
                        + " severity, inspection_type, found_date, deadline, rectified_date, closed_date, supervised,"
                        + " temporary_measures IS NULL OR trim(temporary_measures) = '',"
                        + " responsible_unit IS NULL OR trim(responsible_unit) = ''" + registered + ")"
                        + " EXCEPT ALL (SELECT hazard_id, school_code, district_code, category, severity,"
                        + " inspection_type, found_date, deadline, rectified_date, closed_date, supervised,"
                        + " lacks_temporary_measures, lacks_responsible_unit FROM hazard_keys))";
                assertThat(count(statement, differences)).isZero();
                assertThat(count(statement, "SELECT COUNT(*) FROM hazard_keys"))
                        .isEqualTo(count(statement, "SELECT COUNT(*)" + registered))
                        .isGreaterThan(5);
                // what the lists filter and sort by, joined in once: each key agrees with the dimension tables
                assertThat(count(
                                statement,
                                "SELECT COUNT(*) FROM hazard_keys k"
                                        + " JOIN dim_school s ON s.school_code = k.school_code"
                                        + " JOIN dim_month m ON k.found_date BETWEEN m.month_start AND m.month_end"
                                        + " JOIN dim_severity sev ON sev.code = k.severity"
                                        + " JOIN dim_district dis ON dis.code = k.district_code"
                                        + " WHERE k.school_name = s.name AND k.school_type = s.school_type"
                                        + " AND k.boarding = CASE WHEN s.boarding THEN 'Y' ELSE 'N' END"
                                        + " AND k.found_month = m.month_code AND k.found_quarter = m.quarter_code"
                                        + " AND k.found_year = m.year_code AND k.severity_order = sev.sort_order"
                                        + " AND k.district_order = dis.sort_order"))
                        .isEqualTo(count(statement, "SELECT COUNT(*) FROM hazard_keys"));
                List<String> schools = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT school_code FROM hazard_keys")) {
                    while (rows.next()) {
                        schools.add(rows.getString(1));
                    }
                }
                assertThat(schools).isSorted();
                // each key row locates its own hazard's row in the Parquet (the lists read their page's text by it)
                assertThat(count(
                                statement,
                                "SELECT COUNT(*) FROM hazard_keys k JOIN current_hazard_rows r"
                                        + " ON r.filename = k.source_file AND r.file_row_number = k.source_row"
                                        + " WHERE r.school_code = k.school_code AND r.hazard_id = k.hazard_id"))
                        .isEqualTo(count(statement, "SELECT COUNT(*) FROM hazard_keys"));
            }
        }
    }

    @Test
    void theHazardKeysLocateTheirRowsInADirectoryOfPartsAsSparkWritesIt() throws Exception {
        Path copy = root.resolve("parts");
        copyDirectory(warehouse.model(version), copy);
        Path hazards = ModelFiles.location(copy, ModelTable.CURRENT_HAZARDS);
        Path single = hazards.resolveSibling("single.parquet");
        Files.move(hazards, single);
        Files.createDirectories(hazards);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            String read = "SELECT * FROM read_parquet(" + SqlTemplate.quote(single.toString()) + ")";
            // two parts, each in another order than current_hazards' own, so a row number means nothing alone
            statement.execute("COPY (" + read + " WHERE hash(hazard_id) % 2 = 0 ORDER BY hazard_id DESC) TO "
                    + SqlTemplate.quote(hazards.resolve("part-00000.parquet").toString()) + " (FORMAT parquet)");
            statement.execute("COPY (" + read + " WHERE hash(hazard_id) % 2 = 1 ORDER BY school_code DESC) TO "
                    + SqlTemplate.quote(hazards.resolve("part-00001.parquet").toString()) + " (FORMAT parquet)");
        }
        Files.delete(single);
        try (var database = new ServingDatabase()) {
            ServingModel model = ServingModel.open(database, copy, "parts");
            try (Connection connection = database.connect(model.schema());
                    Statement statement = connection.createStatement()) {
                assertThat(count(statement, "SELECT COUNT(DISTINCT source_file) FROM hazard_keys"))
                        .isEqualTo(2);
                assertThat(count(
                                statement,
                                "SELECT COUNT(*) FROM hazard_keys k JOIN current_hazard_rows r"
                                        + " ON r.filename = k.source_file AND r.file_row_number = k.source_row"
                                        + " WHERE r.school_code = k.school_code AND r.hazard_id = k.hazard_id"))
                        .isEqualTo(count(statement, "SELECT COUNT(*) FROM current_hazards"))
                        .isGreaterThan(5);
            }
        }
    }

    @Test
    void theVersionsTablesLiveInTheCompressedServingCatalog() throws SQLException {
        try (var database = new ServingDatabase()) {
            ServingModel model = ServingModel.open(database, warehouse, version);
            try (Connection connection = database.connect(model.schema());
                    Statement statement = connection.createStatement()) {
                assertThat(count(
                                statement,
                                "SELECT COUNT(*) FROM information_schema.tables WHERE table_catalog = "
                                        + SqlTemplate.quote(ServingDatabase.CATALOG) + " AND table_schema = "
                                        + SqlTemplate.quote(model.schema())))
                        .isEqualTo(TABLES);
            }
        }
    }

    @Test
    void aStatementBeyondTheMemoryLimitSpillsEvenWhenTheSpillDirectorysParentsAreMissing() throws SQLException {
        Path spill = root.resolve("fresh").resolve("tmp").resolve("serving");
        try (var database = new ServingDatabase("64MB", spill);
                Connection connection = database.connect("main");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE sorted AS SELECT i, md5(CAST(i AS VARCHAR)) AS h"
                    + " FROM range(3000000) t(i) ORDER BY h");
            assertThat(count(statement, "SELECT COUNT(*) FROM sorted")).isEqualTo(3_000_000);
        }
        assertThat(spill.getParent()).isDirectory();
    }

    @Test
    void everyListPageFitsTheRowsAJoinPushesIntoTheParquetScan() throws SQLException {
        assertThat(HazardQuery.MAX_SIZE).isLessThanOrEqualTo(ServingDatabase.MAX_PAGE_ROWS);
        assertThat(WarningPage.MAX_LIMIT).isLessThanOrEqualTo(ServingDatabase.MAX_PAGE_ROWS);
        try (var database = new ServingDatabase()) {
            assertThat(database.setting("dynamic_or_filter_threshold"))
                    .isEqualTo(String.valueOf(ServingDatabase.MAX_PAGE_ROWS));
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void theAsOfCubeIsHeldInDateOrderWhateverOrderItsParquetHas() throws Exception {
        // a Spark build writes its parts in no particular order: shuffle a copy of the version's cube the same way
        Path copy = root.resolve("shuffled");
        copyDirectory(warehouse.model(version), copy);
        Path cube = ModelFiles.location(copy, ModelTable.HAZARD_ASOF_CUBE);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_parquet(" + SqlTemplate.quote(cube.toString())
                    + ") ORDER BY hash(district_code, category, severity, valid_from)) TO "
                    + SqlTemplate.quote(cube + ".shuffled") + " (FORMAT parquet)");
        }
        Files.move(cube.resolveSibling(cube.getFileName() + ".shuffled"), cube, StandardCopyOption.REPLACE_EXISTING);
        assertThat(days(cube))
                .as("the shuffled file")
                .isNotEmpty()
                .isNotEqualTo(days(cube).stream().sorted().toList());
        try (var database = new ServingDatabase()) {
            ServingModel model = ServingModel.open(database, copy, "shuffled");
            List<String> days = new ArrayList<>();
            try (Connection connection = database.connect(model.schema());
                    Statement statement = connection.createStatement();
                    ResultSet rows =
                            statement.executeQuery("SELECT CAST(valid_from AS VARCHAR) FROM hazard_asof_cube")) {
                while (rows.next()) {
                    days.add(rows.getString(1));
                }
            }
            assertThat(days).hasSizeGreaterThan(100).isSorted();
        }
    }

    @Test
    void aRetiredVersionsTablesAreDroppedAfterTheGracePeriod() throws SQLException {
        try (var lasting = new ServingDatabase(null, null, Duration.ofHours(1));
                var immediate = new ServingDatabase(null, null, Duration.ZERO)) {
            for (ServingDatabase database : List.of(lasting, immediate)) {
                ServingModel model = ServingModel.open(database, warehouse, version);
                database.retire(model.schema());
                ServingModel.open(database, warehouse.model(version), "other_schema");
            }
            assertThat(tableKinds(lasting, "model_v" + version))
                    .as("within the grace period")
                    .isNotEmpty();
            assertThat(tableKinds(immediate, "model_v" + version))
                    .as("after it")
                    .isEmpty();
            assertThat(tableKinds(immediate, "other_schema")).hasSize(TABLES);
        }
    }

    @Test
    void aVersionOpenedAgainAfterItsRetirementIsKept() throws SQLException {
        try (var database = new ServingDatabase(null, null, Duration.ZERO)) {
            ServingModel model = ServingModel.open(database, warehouse, version);
            database.retire(model.schema());
            ServingModel again = ServingModel.open(database, warehouse, version);
            database.retire("unrelated_schema");
            assertThat(tableKinds(database, again.schema())).hasSize(TABLES);
        }
    }

    /** The valid_from of every row of a cube file, in file order. */
    private static List<String> days(Path cube) throws SQLException {
        var days = new ArrayList<String>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CAST(valid_from AS VARCHAR) FROM read_parquet("
                        + SqlTemplate.quote(cube.toString()) + ")")) {
            while (rows.next()) {
                days.add(rows.getString(1));
            }
        }
        return days;
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static Map<String, String> tableKinds(ServingDatabase database, String schema) throws SQLException {
        var kinds = new LinkedHashMap<String, String>();
        try (Connection connection = database.connect("main");
                var statement = connection.prepareStatement(
                        "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ?")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    kinds.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return kinds;
    }
}
