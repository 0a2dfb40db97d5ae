package cn.xiaoan.analytics.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.SchoolMove;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every build checks opening + new − resolved = closing on the tables the engine wrote, before publishing. */
class StockFlowBuildCheckTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void aSoundModelIsPublished() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);

        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        assertThat(PublishedModel.currentVersion(warehouse)).hasValue(1L);
        assertThat(StockFlowCheck.failures(warehouse.model(1))).isEmpty();
    }

    @Test
    void aModelWhoseStockAndFlowDoNotAddUpFailsTheBuildNamingTheCellAndIsNotPublished() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        // an engine whose hazard_facts dates one hazard's rectification a year before it was found: the hazard is
        // resolved in a year it was never open in, so that year's statement loses one hazard
        var corrupting = new BuildEngineChoice("duckdb", "DuckDB, corrupting hazard_facts", CorruptingEngine::new);
        var builder = new ModelBuilder(
                warehouse,
                REFERENCE,
                CLOCK,
                corrupting,
                cn.xiaoan.domain.WarehouseLocks.defaults(),
                new cn.xiaoan.analytics.publish.ModelRetention(
                        warehouse, cn.xiaoan.analytics.publish.ModelRetention.DEFAULT_KEEP));

        assertThatThrownBy(builder::build)
                .isInstanceOf(StockFlowIdentityException.class)
                .hasMessageContaining("stock-flow identity fails")
                .hasMessageContaining("2 cell(s)")
                .hasMessageMatching("(?s).*\\d{4} \\d{6} [A-Z_]+ (MAJOR|GENERAL): \\d+ \\+ \\d+ − 1 ≠ \\d+.*");
        assertThat(PublishedModel.currentVersion(warehouse)).hasValue(1L);
        assertThat(Files.exists(warehouse.model(2))).isFalse();
    }

    /** DuckDB's build, except that the earliest rectified hazard is rewritten as rectified 400 days before found. */
    private static final class CorruptingEngine implements BuildEngine {
        private final BuildEngine engine;

        CorruptingEngine(Path scratch) {
            engine = BuildEngineChoice.duckDb().open(scratch);
        }

        @Override
        public void registerRaw(RawBatches raw) {
            engine.registerRaw(raw);
        }

        @Override
        public void registerSchoolMoves(List<SchoolMove> moves) {
            engine.registerSchoolMoves(moves);
        }

        @Override
        public void registerBatches(List<BatchStamp> batches) {
            engine.registerBatches(batches);
        }

        @Override
        public void registerReference(ReferenceData reference) {
            engine.registerReference(reference);
        }

        @Override
        public void create(ModelTable table) {
            engine.create(table);
        }

        @Override
        public long export(ModelTable table, URI target) {
            long rows = engine.export(table, target);
            if (table == ModelTable.HAZARD_FACTS) {
                corrupt(Path.of(target));
            }
            return rows;
        }

        private static void corrupt(Path facts) {
            Path copy = facts.resolveSibling("hazard_facts.sound.parquet");
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = connection.createStatement()) {
                Files.move(facts, copy);
                statement.execute("CREATE TABLE f AS SELECT row_number() OVER (ORDER BY rectified_date, found_date)"
                        + " AS n, * FROM read_parquet('" + copy + "')");
                statement.execute("UPDATE f SET rectified_date = found_date - INTERVAL 400 DAY"
                        + " WHERE n = (SELECT MIN(n) FROM f WHERE rectified_date IS NOT NULL)");
                statement.execute("ALTER TABLE f DROP COLUMN n");
                statement.execute("COPY f TO '" + facts + "' (FORMAT PARQUET)");
                Files.delete(copy);
            } catch (SQLException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
