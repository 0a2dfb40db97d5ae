package cn.xiaoan.analytics;

import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawSchool;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.domain.Warehouse;
import java.util.List;

/**
 * The tiny hand-computed warehouse of the figure tests. As-of date D = 2026-10-31 unless a test says otherwise.
 *
 * <pre>
 * schools   A1 1409020001 忻府区 PRIMARY   A2 1409020002 忻府区 JUNIOR
 *           B1 1409210001 定襄县 PRIMARY (registered in January, its enrolment updated in March: latest row wins)
 *           C1 1409220001 五台县 PRIMARY (no hazards)          代县 140923: no schools at all
 * hazards (current state)
 *   H1 A1 FIRE         MAJOR   found 03-01 deadline 04-01  open                 → open, overdue
 *   H2 A1 FIRE         GENERAL found 05-10 deadline 10-31  open                 → open, deadline = D: not overdue
 *   H3 A2 FIRE         GENERAL found 06-01 deadline 07-01  rectified 11-05 (> D) → open, overdue
 *   H4 A2 FIRE         MAJOR   found 02-01 deadline 03-01  rectified 02-20      → closed before D
 *   H5 A1 ELECTRIC_GAS GENERAL found 2025-12-01 no deadline open              → open (before the period), never overdue
 *   H6 A1 FIRE         GENERAL found 11-02 (> D)           open                 → not yet found at D
 *   H7 B1 TRAFFIC      MAJOR   found 04-01 deadline 05-01  batch 3 (reported 09-30) rectified 09-15 wins over
 *                                                          batch 4 (reported 08-31, ingested later) still open
 *   H8 B1 TRAFFIC      GENERAL found 07-01 deadline 12-31  batch 3 (09-30) open, batch 6 (09-30, ingested later)
 *                                                          rectified 09-20: same report date, later ingest wins
 * ledger batches 2 (06-30), 3 (09-30), 4 (08-31), 6 (09-30); the latest report date is 2026-09-30
 * </pre>
 */
final class SliceFixture {
    static final String A1 = "1409020001";
    static final String A2 = "1409020002";
    static final String B1 = "1409210001";
    static final String C1 = "1409220001";

    private SliceFixture() {}

    static RawWarehouseFixture write(Warehouse warehouse) {
        RawHazard h1 = RawHazard.open("H1", A1, "FIRE", "MAJOR", "2026-03-01", "2026-04-01");
        RawHazard h2 = RawHazard.open("H2", A1, "FIRE", "GENERAL", "2026-05-10", "2026-10-31");
        RawHazard h3 = RawHazard.open("H3", A2, "FIRE", "GENERAL", "2026-06-01", "2026-07-01")
                .rectifiedOn("2026-11-05");
        RawHazard h4 = RawHazard.open("H4", A2, "FIRE", "MAJOR", "2026-02-01", "2026-03-01")
                .rectifiedOn("2026-02-20");
        RawHazard h5 = RawHazard.open("H5", A1, "ELECTRIC_GAS", "GENERAL", "2025-12-01", null);
        RawHazard h6 = RawHazard.open("H6", A1, "FIRE", "GENERAL", "2026-11-02", "2026-12-01");
        RawHazard h7 = RawHazard.open("H7", B1, "TRAFFIC", "MAJOR", "2026-04-01", "2026-05-01");
        RawHazard h8 = RawHazard.open("H8", B1, "TRAFFIC", "GENERAL", "2026-07-01", "2026-12-31");
        return new RawWarehouseFixture(warehouse)
                .schools(
                        1,
                        "2026-01-15",
                        List.of(
                                RawSchool.of(A1, "140902", "PRIMARY"),
                                RawSchool.of(A2, "140902", "JUNIOR"),
                                RawSchool.of(B1, "140921", "PRIMARY"),
                                RawSchool.of(C1, "140922", "PRIMARY")))
                .schools(5, "2026-03-01", List.of(new RawSchool(B1, "测试学校" + B1, "140921", "PRIMARY", false, 650)))
                .ledger(2, "2026-06-30", List.of(h1, h2, h4, h5, h7))
                .ledger(3, "2026-09-30", List.of(h1, h2, h3, h4, h5, h6, h7.rectifiedOn("2026-09-15"), h8))
                .ledger(4, "2026-08-31", List.of(h7))
                .ledger(6, "2026-09-30", List.of(h8.rectifiedOn("2026-09-20")));
    }
}
