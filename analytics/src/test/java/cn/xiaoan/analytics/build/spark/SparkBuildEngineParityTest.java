package cn.xiaoan.analytics.build.spark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.BuildEngine;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.build.ModelComparison;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.fixture.RawDuty;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.SharedSpark;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.SchoolMoveRequest;
import cn.xiaoan.ingest.SchoolMoves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB and Spark build the same model from the same raw batches: every table, column type and row identical. */
class SparkBuildEngineParityTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-05T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void sparkBuildsTheSameModelAsDuckDbFromGeneratedReturnsWithSnapshotTies() throws Exception {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("warehouse"), 60, 3_000, 11);
        String school = anySchool(warehouse);
        // Edge cases on top of the generated snapshots: the same report date twice (the later batch wins), and a
        // hazard resubmitted on a later report date with a newer status (the later snapshot wins).
        var tie = RawHazard.open("TIE-1", school, "FIRE", "MAJOR", "2026-12-01", "2026-12-20");
        var resubmitted = RawHazard.open("RESUB-1", school, "TRAFFIC", "GENERAL", "2026-11-01", "2026-11-30");
        new RawWarehouseFixture(warehouse)
                .ledger(9001, "2026-12-31", List.of(tie, resubmitted))
                .ledger(9002, "2026-12-31", List.of(tie.rectifiedOn("2026-12-15")))
                .ledger(9003, "2027-01-02", List.of(resubmitted.rectifiedOn("2026-12-28")))
                // a remark in the extra columns: hazard_history's note, read by the ledger trust audit
                .ledger(
                        9004,
                        "2027-01-03",
                        List.of(RawHazard.open("NOTE-1", school, "FIRE", "GENERAL", "2026-12-02", "2026-12-30")),
                        "{\"序号\":\"1\",\"备注\":\"复查不合格，重新整改\"}")
                // a batch with the responsibility and 督办 columns among batches without them (read as NULL)
                .ledger(
                        9005,
                        "2027-01-04",
                        List.of(
                                RawHazard.open("DUTY-1", school, "FIRE", "MAJOR", "2026-12-10", null),
                                RawHazard.open("DUTY-2", school, "ELECTRIC_GAS", "MAJOR", "2026-12-11", "2027-01-31"),
                                RawHazard.open("DUTY-3", school, "TRAFFIC", "GENERAL", "2026-12-12", null)),
                        List.of(
                                RawDuty.listed("县教育局后勤科", "市教育局", "2026-12-20"),
                                RawDuty.unit("学校总务处"),
                                RawDuty.none()));
        // and a move between districts: the school's hazards found before 2026-06-01 stay with the old district
        var moves = new SchoolMoves(warehouse, REFERENCE, CLOCK);
        String from = moves.ownership(school).orElseThrow().currentDistrict();
        moves.move(new SchoolMoveRequest(
                school,
                from.equals("140902") ? "140921" : "140902",
                "parity",
                Optional.of(LocalDate.parse("2026-06-01")),
                "test"));

        ModelVersion duckDb = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        ModelVersion spark =
                new ModelBuilder(warehouse, REFERENCE, CLOCK, SparkBuildEngine.choiceIn(SharedSpark.session())).build();

        assertThat(spark.batchIds()).isEqualTo(duckDb.batchIds());
        Path sparkVersion = warehouse.model(spark.version());
        assertThat(BuildManifest.read(sparkVersion.resolve(BuildManifest.FILE_NAME))
                        .engine())
                .isEqualTo("spark");
        assertThat(Files.isDirectory(ModelFiles.location(sparkVersion, ModelTable.CURRENT_HAZARDS)))
                .as("Spark writes a directory of part files")
                .isTrue();
        assertThat(ModelComparison.differences(warehouse.model(duckDb.version()), sparkVersion))
                .isEmpty();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet districts = statement.executeQuery("SELECT count(DISTINCT district_code) FROM "
                        + ModelComparison.source(sparkVersion, ModelTable.CURRENT_HAZARDS) + " WHERE school_code = '"
                        + school + "'")) {
            assertThat(districts.next()).isTrue();
            assertThat(districts.getLong(1))
                    .as("the moved school's hazards in two districts")
                    .isEqualTo(2);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT hazard_id, status, batch_id FROM "
                        + ModelComparison.source(sparkVersion, ModelTable.CURRENT_HAZARDS)
                        + " WHERE hazard_id IN ('TIE-1', 'RESUB-1') ORDER BY hazard_id")) {
            assertThat(rows.next()).isTrue();
            assertThat(List.of(rows.getString(1), rows.getString(2), rows.getLong(3)))
                    .containsExactly("RESUB-1", "RECTIFIED", 9003L);
            assertThat(rows.next()).isTrue();
            assertThat(List.of(rows.getString(1), rows.getString(2), rows.getLong(3)))
                    .containsExactly("TIE-1", "RECTIFIED", 9002L);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet notes = statement.executeQuery("SELECT hazard_id, note FROM "
                        + ModelComparison.source(sparkVersion, ModelTable.HAZARD_HISTORY)
                        + " WHERE note IS NOT NULL")) {
            assertThat(notes.next()).isTrue();
            assertThat(List.of(notes.getString(1), notes.getString(2))).containsExactly("NOTE-1", "复查不合格，重新整改");
            assertThat(notes.next()).as("only the remarked row has a note").isFalse();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rules = statement.executeQuery("SELECT count(DISTINCT rule_code) FROM "
                        + ModelComparison.source(sparkVersion, ModelTable.TRUST_FINDINGS))) {
            assertThat(rules.next()).isTrue();
            assertThat(rules.getLong(1))
                    .as("the generated returns raise trust findings, so their parity means something")
                    .isPositive();
        }
    }

    @Test
    void sparkReadsOldLedgersWithoutTheResponsibilityColumnsAsDuckDbDoes() throws Exception {
        var warehouse = new Warehouse(root.resolve("old"));
        new RawWarehouseFixture(warehouse)
                .schools(
                        1,
                        "2026-01-01",
                        List.of(cn.xiaoan.analytics.fixture.RawSchool.of("1409020001", "140902", "PRIMARY")))
                .ledger(
                        2,
                        "2026-02-01",
                        List.of(RawHazard.open("OLD-1", "1409020001", "FIRE", "MAJOR", "2026-01-10", null)));

        ModelVersion duckDb = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        ModelVersion spark =
                new ModelBuilder(warehouse, REFERENCE, CLOCK, SparkBuildEngine.choiceIn(SharedSpark.session())).build();

        assertThat(ModelComparison.differences(warehouse.model(duckDb.version()), warehouse.model(spark.version())))
                .isEmpty();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT responsible_unit, supervised FROM "
                        + ModelComparison.source(warehouse.model(spark.version()), ModelTable.CURRENT_HAZARDS))) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isNull();
            assertThat(rows.getObject(2)).isNull();
        }
    }

    @Test
    void sparkReadsTheSameEmptyModelWhenNoBatchExists() throws Exception {
        var warehouse = new Warehouse(root.resolve("empty"));

        ModelVersion duckDb = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        ModelVersion spark =
                new ModelBuilder(warehouse, REFERENCE, CLOCK, SparkBuildEngine.choiceIn(SharedSpark.session())).build();

        assertThat(ModelComparison.differences(warehouse.model(duckDb.version()), warehouse.model(spark.version())))
                .isEmpty();
        assertThat(BuildManifest.read(warehouse.model(spark.version()).resolve(BuildManifest.FILE_NAME))
                        .rowCounts())
                .containsEntry("current_hazards", 0L)
                .containsEntry("dim_district", 15L);
    }

    @Test
    void sparkDefinesDaysBetweenAsDuckDbDoesForTheModelSql() {
        // Opening the engine runs sql/dialect/spark.sql.
        BuildEngine engine = SparkBuildEngine.choiceIn(SharedSpark.session()).open(root);
        try {
            var row = SharedSpark.session()
                    .sql("SELECT days_between(DATE '2026-01-01', DATE '2026-03-01'),"
                            + " days_between(DATE '2026-03-01', DATE '2026-01-01')")
                    .first();
            // January has 31 days and February 2026 has 28: 31 + 28 = 59, and -59 the other way round.
            assertThat(List.of(row.get(0), row.get(1))).containsExactly(59, -59);
        } finally {
            engine.close();
        }
    }

    private static String anySchool(Warehouse warehouse) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MIN(school_code) FROM read_parquet("
                        + SqlTemplate.quote(warehouse.raw(cn.xiaoan.domain.Dataset.SCHOOLS) + "/*/*.parquet")
                        + ")")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
