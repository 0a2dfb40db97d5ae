package cn.xiaoan.analytics.build;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build after one more ledger batch changes exactly the hazards that batch brings news of, and nothing else. */
class RebuildAfterNewBatchTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void changesOnlyTheHazardsOfTheNewBatch() throws Exception {
        var warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        new RawWarehouseFixture(warehouse)
                .ledger(
                        7,
                        "2026-10-31",
                        List.of(
                                // news: H2 rectified
                                RawHazard.open("H2", SliceFixture.A1, "FIRE", "GENERAL", "2026-05-10", "2026-10-31")
                                        .rectifiedOn("2026-10-20"),
                                // a new hazard
                                RawHazard.open("H9", SliceFixture.A2, "TRAFFIC", "MAJOR", "2026-10-01", "2026-10-30"),
                                // an old snapshot of H7 (reported 10-31 but identical to its current state)
                                RawHazard.open("H7", SliceFixture.B1, "TRAFFIC", "MAJOR", "2026-04-01", "2026-05-01")
                                        .rectifiedOn("2026-09-15")));
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        // hazards whose figure-relevant state differs between versions 1 and 2, by id
        List<String> changed =
                query("SELECT coalesce(a.hazard_id, b.hazard_id) || ':' || CASE WHEN a.hazard_id IS NULL THEN 'added'"
                        + " WHEN b.hazard_id IS NULL THEN 'removed' ELSE 'changed' END"
                        + " FROM read_parquet('" + table(warehouse, 1) + "') a"
                        + " FULL JOIN read_parquet('" + table(warehouse, 2) + "') b"
                        + " ON a.school_code = b.school_code AND a.hazard_id = b.hazard_id"
                        + " WHERE a.hazard_id IS NULL OR b.hazard_id IS NULL"
                        + " OR a.status IS DISTINCT FROM b.status"
                        + " OR a.rectified_date IS DISTINCT FROM b.rectified_date"
                        + " OR a.deadline IS DISTINCT FROM b.deadline OR a.severity IS DISTINCT FROM b.severity"
                        + " ORDER BY 1");
        assertThat(changed).containsExactly("H2:changed", "H9:added");
        // H7's row now comes from batch 7, the latest report; everything else keeps its batch
        assertThat(query("SELECT hazard_id || ':' || batch_id FROM read_parquet('" + table(warehouse, 2)
                        + "') ORDER BY hazard_id"))
                .containsExactly("H1:3", "H2:7", "H3:3", "H4:3", "H5:3", "H6:3", "H7:7", "H8:6", "H9:7");
    }

    private static String table(Warehouse warehouse, long version) {
        return warehouse.model(version).resolve("current_hazards.parquet").toString();
    }

    private static List<String> query(String sql) throws Exception {
        var rows = new ArrayList<String>();
        try (var connection = DriverManager.getConnection("jdbc:duckdb:");
                var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
