package cn.xiaoan.analytics.build;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.publish.ModelPins;
import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBuilderTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path root;

    private ModelBuilder builder(Warehouse warehouse) {
        return new ModelBuilder(warehouse, REFERENCE, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void publishesAVersionWithEveryTableAManifestAndTheCurrentPointer() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);

        ModelVersion version = builder(warehouse).build();

        assertThat(version).isEqualTo(new ModelVersion(1, List.of(1L, 2L, 3L, 4L, 5L, 6L), NOW));
        assertThat(Files.readString(warehouse.currentModelPointer()).strip()).isEqualTo("1");
        try (Stream<Path> files = Files.list(warehouse.model(1))) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "build.json",
                            "dim_district.parquet",
                            "dim_category.parquet",
                            "dim_school_type.parquet",
                            "dim_inspection_type.parquet",
                            "dim_severity.parquet",
                            "dim_status.parquet",
                            "school_district_periods.parquet",
                            "dim_school.parquet",
                            "current_hazards.parquet",
                            "inspections.parquet",
                            "surveys.parquet",
                            "drills.parquet",
                            "dim_boarding.parquet",
                            "dim_month.parquet",
                            "hazard_facts.parquet",
                            "hazard_cube.parquet",
                            "hazard_cube_district_category.parquet",
                            "hazard_cube_district.parquet",
                            "hazard_asof_cube.parquet",
                            "school_asof_cube.parquet",
                            "hazard_history.parquet",
                            "trust_findings.parquet",
                            "supervision_events.parquet",
                            "ledger_submissions.parquet",
                            "return_submissions.parquet");
        }
        BuildManifest manifest = BuildManifest.read(warehouse.model(1).resolve("build.json"));
        assertThat(manifest.version()).isEqualTo(version);
        assertThat(manifest.rowCounts())
                .containsEntry("current_hazards", 8L)
                // every month of 2025 and 2026 (H5 was found in 2025-12)
                .containsEntry("dim_month", 24L)
                .containsEntry("hazard_facts", 8L)
                // (school, report date) pairs: batch 2 A1, A2, B1; batch 3 A1, A2, B1; batch 4 B1 (08-31); batch 6 B1
                // (09-30, same as batch 3's) → 7
                .containsEntry("ledger_submissions", 7L)
                .containsEntry("dim_school", 4L)
                .containsEntry("dim_district", 15L)
                .containsEntry("dim_category", 15L)
                .containsEntry("dim_school_type", 9L)
                .containsEntry("dim_inspection_type", 7L)
                .containsEntry("inspections", 0L);
        try (Stream<Path> models = Files.list(warehouse.models())) {
            assertThat(models.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("v=1", "CURRENT");
        }
    }

    @Test
    void keepsTheLatestSnapshotOfEachHazardByReportDateThenByLaterIngest() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        builder(warehouse).build();

        List<String> rows = query(
                warehouse.model(1).resolve("current_hazards.parquet"),
                "SELECT hazard_id || ' ' || status || ' ' || batch_id FROM model ORDER BY hazard_id");
        // H7: batch 3 (reported 09-30) beats batch 4 (reported 08-31, ingested later)
        // H8: batch 6 beats batch 3 (both reported 09-30: the later ingest wins)
        assertThat(rows)
                .containsExactly(
                        "H1 OPEN 3",
                        "H2 OPEN 3",
                        "H3 RECTIFIED 3",
                        "H4 RECTIFIED 3",
                        "H5 OPEN 3",
                        "H6 OPEN 3",
                        "H7 RECTIFIED 3",
                        "H8 RECTIFIED 6");
    }

    @Test
    void keepsTheLatestRegisterRowOfEachSchoolWithItsDistrictNames() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        builder(warehouse).build();

        List<String> rows = query(
                warehouse.model(1).resolve("dim_school.parquet"),
                "SELECT school_code || ' ' || district_code || ' ' || district_name_zh || ' ' || students FROM model"
                        + " ORDER BY 1");
        assertThat(rows)
                .containsExactly(
                        "1409020001 140902 忻府区 500",
                        "1409020002 140902 忻府区 500",
                        "1409210001 140921 定襄县 650",
                        "1409220001 140922 五台县 500");
    }

    @Test
    void copiesTheOtherReturnsIntoTheModel() throws Exception {
        var warehouse = new Warehouse(root);
        new RawWarehouseFixture(warehouse)
                .inspections(
                        1, "2026-06-30", List.<String[]>of(new String[] {"1409020001", "2026-05-01", "SUPERVISION"}))
                .surveys(2, "2026-06-30", List.<String[]>of(new String[] {"1409020001", "2026-04-01"}))
                .drills(3, "2026-06-30", List.<String[]>of(new String[] {"1409020001", "2026-03-15", "FIRE_EVACUATION"
                }));
        builder(warehouse).build();

        assertThat(query(
                        warehouse.model(1).resolve("inspections.parquet"),
                        "SELECT school_code || ' ' || visit_date || ' ' || inspection_type FROM model"))
                .containsExactly("1409020001 2026-05-01 SUPERVISION");
        assertThat(query(
                        warehouse.model(1).resolve("surveys.parquet"),
                        "SELECT CAST(anti_ram_barriers AS VARCHAR) FROM model"))
                .containsExactly("true");
        assertThat(query(warehouse.model(1).resolve("drills.parquet"), "SELECT drill_type FROM model"))
                .containsExactly("FIRE_EVACUATION");
    }

    @Test
    void buildsAnEmptyModelBeforeAnyBatchAndIgnoresWritesInProgress() throws Exception {
        var warehouse = new Warehouse(root);
        Path inProgress = warehouse.raw(Dataset.LEDGER).resolve(".batch=000009.tmp");
        Files.createDirectories(inProgress);
        Files.writeString(inProgress.resolve("part-0.parquet"), "not parquet yet");
        Files.createDirectories(warehouse.raw(Dataset.SCHOOLS));

        ModelVersion version = builder(warehouse).build();

        assertThat(version.batchIds()).isEmpty();
        BuildManifest manifest = BuildManifest.read(warehouse.model(1).resolve("build.json"));
        assertThat(manifest.rowCounts()).containsEntry("current_hazards", 0L).containsEntry("dim_district", 15L);
    }

    @Test
    void ignoresABatchWhoseManifestWasNeverWritten() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        long committed = builder(warehouse).build().batchIds().size();
        // A crash between the batch's rename and its manifest leaves a batch nobody committed.
        Path orphan = warehouse.manifest(2);
        assertThat(orphan).exists();
        Files.delete(orphan);

        ModelVersion version = builder(warehouse).build();

        assertThat(version.batchIds()).hasSize((int) committed - 1).doesNotContain(2L);
    }

    @Test
    void numbersEachBuildAfterTheHighestVersionAndKeepsTheOldOnes() {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        builder(warehouse).build();
        ModelVersion second = builder(warehouse).build();

        assertThat(second.version()).isEqualTo(2);
        assertThat(warehouse.model(1)).isDirectory();
        assertThat(warehouse.model(2)).isDirectory();
        assertThat(warehouse.currentModelPointer())
                .content(StandardCharsets.UTF_8)
                .isEqualTo("2\n");
    }

    @Test
    void removesWhatAKilledBuildLeftBehindAndNumbersPastItsUnpublishedVersion() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        builder(warehouse).build();
        Path staging = warehouse.models().resolve(".v=2.0f0e.tmp");
        Path spill = warehouse.models().resolve(".spill.0f0e.tmp");
        Path pointer = warehouse.models().resolve(".CURRENT.0f0e.tmp");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("current_hazards.parquet"), "half written");
        Files.createDirectories(spill);
        Files.writeString(pointer, "2");
        // killed after renaming v=2 into place, before pointing CURRENT at it
        copyDirectory(warehouse.model(1), warehouse.model(2));

        ModelVersion next = builder(warehouse).build();

        assertThat(next.version()).isEqualTo(3);
        assertThat(staging).doesNotExist();
        assertThat(spill).doesNotExist();
        assertThat(pointer).doesNotExist();
        assertThat(warehouse.model(2)).as("never published").doesNotExist();
        assertThat(warehouse.model(1)).isDirectory();
    }

    @Test
    void quarantinesABatchWithACutShortPartAndBuildsWithoutIt() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        long all = builder(warehouse).build().batchIds().size();
        Path part;
        try (Stream<Path> parts = Files.list(warehouse.rawBatch(Dataset.LEDGER, 2))) {
            part = parts.filter(p -> p.toString().endsWith(".parquet"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        ModelVersion version = builder(warehouse).build();

        assertThat(version.batchIds()).hasSize((int) all - 1).doesNotContain(2L);
        Path quarantined = warehouse.quarantine().resolve("batch-000002");
        assertThat(quarantined.resolve("NOTE.txt"))
                .content(StandardCharsets.UTF_8)
                .contains("batch 2 quarantined: " + part)
                .contains("批次 2 已隔离");
        assertThat(quarantined.resolve("batch-000002.json")).exists();
        assertThat(warehouse.manifest(2)).doesNotExist();
        assertThat(warehouse.rawBatch(Dataset.LEDGER, 2)).doesNotExist();
    }

    @Test
    void keepsThePublishedVersionTheConfiguredNumberBeforeItAndPinnedOnes() {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        var builder = new ModelBuilder(
                warehouse,
                REFERENCE,
                Clock.fixed(NOW, ZoneOffset.UTC),
                BuildEngineChoice.duckDb(),
                cn.xiaoan.domain.WarehouseLocks.defaults(),
                new ModelRetention(warehouse, 2, () -> java.util.Set.of(3L)));
        builder.build();
        builder.build();
        ModelPins.pin(warehouse, 2, "2026年度工作总结.docx", NOW);
        for (int i = 0; i < 5; i++) {
            builder.build();
        }
        Path extract = warehouse.scopes().resolve("v=1").resolve("district=140902");
        extract.toFile().mkdirs();

        ModelRetention.Plan plan = new ModelRetention(warehouse, 2, () -> java.util.Set.of(3L)).plan();

        assertThat(ModelRetention.versions(warehouse.models())).containsExactly(2L, 3L, 5L, 6L, 7L);
        assertThat(plan.kept()).containsExactly(2L, 3L, 5L, 6L, 7L);
        assertThat(plan.removals())
                .extracting(ModelRetention.Removal::path)
                .containsExactly(warehouse.scopes().resolve("v=1"));
    }

    private static void copyDirectory(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static List<String> query(Path parquet, String sql) throws SQLException {
        var rows = new ArrayList<String>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW model AS SELECT * FROM read_parquet('" + parquet + "')");
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }
}
