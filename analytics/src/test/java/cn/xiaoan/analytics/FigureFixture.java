package cn.xiaoan.analytics;

import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawSchool;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.domain.Warehouse;
import java.util.List;

/**
 * The hand-computed warehouse of {@link FigureDefinitionsTest}: every figure of docs/FIGURES.md has a case here. The
 * usual question is P = 2026-01-01..2026-06-30, D = 2026-06-30.
 *
 * <pre>
 * schools   A1 1409020001 忻府区 PRIMARY boarding     A2 1409020002 忻府区 JUNIOR
 *           K1 1409020003 忻府区 KINDERGARTEN          B1 1409210001 定襄县 PRIMARY
 * hazards   id  school category     severity type         found       deadline    rectified
 *           H1  A1     FIRE         MAJOR    SELF         2023-11-10  2024-03-31  -           legacy, overdue
 *           H2  A1     FIRE         GENERAL  SUPERVISION  2026-01-15  2026-02-15  2026-02-10  on time, 26 days
 *           H3  A2     ELECTRIC_GAS MAJOR    SELF         2026-03-01  2026-03-31  2026-04-10  late, 40 days
 *           H4  A2     FIRE         GENERAL  SELF         2026-05-01  2026-06-30  -           deadline = D
 *           H5  K1     FIRE         GENERAL  SUPERVISION  2026-06-20  2026-07-20  2026-07-05  rectified after D
 *           H6  B1     TRAFFIC      MAJOR    SELF         2026-04-01  -           -           no deadline
 *           H7  B1     TRAFFIC      GENERAL  SELF         2025-12-20  2026-01-10  2026-01-05  before P, resolved in P
 *           H8  A1     FIRE         GENERAL  SELF         2026-07-02  2026-08-01  -           found after D
 *           H9  A2     FIRE         MAJOR    SELF         2024-02-01  2024-03-01  2024-02-20  closed long ago
 * visits    A1 SUPERVISION 2026-03-03; A2 SELF 2026-03-05; B1 SUPERVISION 2026-07-10 (after P)
 * drills    A1 03-10, 03-20, 05-05; B1 01-15 (not a teaching month), 04-01, 06-30, 07-01 (after P); K1 02-10; A2 none
 * surveys   A1 2026-03-01 YYYYYY, 2026-09-01 NNNNNN (after D); A2 2025-10-01 YNYNYN;
 *           B1 2026-02-01 YYYYYY, 2026-05-01 NNNNNN; K1 none
 * </pre>
 */
final class FigureFixture {
    static final String A1 = "1409020001";
    static final String A2 = "1409020002";
    static final String K1 = "1409020003";
    static final String B1 = "1409210001";

    private FigureFixture() {}

    static RawWarehouseFixture write(Warehouse warehouse) {
        return new RawWarehouseFixture(warehouse)
                .schools(
                        1,
                        "2026-01-10",
                        List.of(
                                new RawSchool(A1, "测试寄宿小学", "140902", "PRIMARY", true, 800),
                                RawSchool.of(A2, "140902", "JUNIOR"),
                                RawSchool.of(K1, "140902", "KINDERGARTEN"),
                                RawSchool.of(B1, "140921", "PRIMARY")))
                .ledger(
                        2,
                        "2026-07-31",
                        List.of(
                                RawHazard.open("H1", A1, "FIRE", "MAJOR", "2023-11-10", "2024-03-31"),
                                RawHazard.open("H2", A1, "FIRE", "GENERAL", "2026-01-15", "2026-02-15")
                                        .foundBy("SUPERVISION")
                                        .rectifiedOn("2026-02-10"),
                                RawHazard.open("H3", A2, "ELECTRIC_GAS", "MAJOR", "2026-03-01", "2026-03-31")
                                        .rectifiedOn("2026-04-10"),
                                RawHazard.open("H4", A2, "FIRE", "GENERAL", "2026-05-01", "2026-06-30"),
                                RawHazard.open("H5", K1, "FIRE", "GENERAL", "2026-06-20", "2026-07-20")
                                        .foundBy("SUPERVISION")
                                        .rectifiedOn("2026-07-05"),
                                RawHazard.open("H6", B1, "TRAFFIC", "MAJOR", "2026-04-01", null),
                                RawHazard.open("H7", B1, "TRAFFIC", "GENERAL", "2025-12-20", "2026-01-10")
                                        .rectifiedOn("2026-01-05"),
                                RawHazard.open("H8", A1, "FIRE", "GENERAL", "2026-07-02", "2026-08-01"),
                                RawHazard.open("H9", A2, "FIRE", "MAJOR", "2024-02-01", "2024-03-01")
                                        .rectifiedOn("2024-02-20")))
                .inspections(
                        3,
                        "2026-07-31",
                        List.of(
                                new String[] {A1, "2026-03-03", "SUPERVISION"},
                                new String[] {A2, "2026-03-05", "SELF"},
                                new String[] {B1, "2026-07-10", "SUPERVISION"}))
                .drills(
                        4,
                        "2026-07-31",
                        List.of(
                                new String[] {A1, "2026-03-10", "FIRE_EVACUATION"},
                                new String[] {A1, "2026-03-20", "FIRE_EVACUATION"},
                                new String[] {A1, "2026-05-05", "EARTHQUAKE"},
                                new String[] {B1, "2026-01-15", "FIRE_EVACUATION"},
                                new String[] {B1, "2026-04-01", "FIRE_EVACUATION"},
                                new String[] {B1, "2026-06-30", "FIRE_EVACUATION"},
                                new String[] {B1, "2026-07-01", "FIRE_EVACUATION"},
                                new String[] {K1, "2026-02-10", "FIRE_EVACUATION"}))
                .surveys(
                        5,
                        "2026-09-30",
                        List.of(
                                new String[] {A1, "2026-03-01", "YYYYYY"},
                                new String[] {A1, "2026-09-01", "NNNNNN"},
                                new String[] {A2, "2025-10-01", "YNYNYN"},
                                new String[] {B1, "2026-02-01", "YYYYYY"},
                                new String[] {B1, "2026-05-01", "NNNNNN"}));
    }
}
