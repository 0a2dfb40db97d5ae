package cn.xiaoan.analytics.service;

import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawSchool;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.domain.Warehouse;
import java.util.List;

/**
 * The hand-computed warehouse of {@link CampaignGoalsAndWarningsTest}: three years of MAJOR hazards for the three
 * campaign goals, and the cases of every warning list.
 *
 * <pre>
 * schools   X1 1409020001 忻府区 PRIMARY    D1 1409210001 定襄县 PRIMARY    W1 1409220001 五台县 JUNIOR
 *           (代县 140923 has no school)
 * MAJOR     id  school found       deadline    rectified
 *           L1  X1     2023-05-01  2023-08-01  2024-11-30   legacy, cleared in 2024
 *           L2  D1     2023-06-01  2023-09-01  2025-02-01   legacy, cleared too late
 *           M1  X1     2024-03-01  2024-04-01  2024-03-20
 *           M2  X1     2024-05-01  2024-06-01  2024-05-20
 *           M3  X1     2025-03-01  2025-04-01  2025-03-20   X: 2 in 2024, 1 in 2025
 *           M4  D1     2024-03-01  2024-04-01  2024-03-10
 *           M5  D1     2025-04-01  2025-05-01  2025-04-10   D: 1 in 2024, 1 in 2025
 *           Z1  X1     2026-02-01  2026-03-01  2026-02-20   on time
 *           Z2  D1     2026-05-01  2026-06-01  2026-06-10   late
 *           Z3  W1     2026-11-01  2027-01-31  -            open, no temporary measures, found by SUPERVISION
 * GENERAL   S1  W1 SUPERVISION 2026-03-01 deadline 04-01 open (overdue 90 days at 06-30)
 *           S2  W1 SUPERVISION 2026-04-01 deadline 05-01 rectified 04-20
 *           S3  W1 SUPERVISION 2026-05-01 deadline 12-31 open
 *           S4  W1 SELF        2026-03-05 deadline 04-05 rectified 03-30     W1: 3 by supervision, 1 self
 *           T1–T3 X1 SUPERVISION 03-01, 04-01, 05-01; T4, T5 X1 SELF 03-02, 04-02; deadline 07-31, rectified 06-01
 *                                                                       X1: 3 by supervision, 3 self (with Z1)
 * ledger    batch 2 reported 2026-12-31: everything; batch 3 reported 2026-06-15: X1's T1;
 *           batch 4 reported 2026-05-31: D1's Z2 while still open
 * </pre>
 */
final class CampaignFixture {
    static final String X1 = "1409020001";
    static final String D1 = "1409210001";
    static final String W1 = "1409220001";

    private CampaignFixture() {}

    static RawWarehouseFixture write(Warehouse warehouse) {
        RawHazard t1 = general("T1", X1, "SUPERVISION", "2026-03-01", "2026-07-31", "2026-06-01");
        RawHazard z2 = RawHazard.open("Z2", D1, "FIRE", "MAJOR", "2026-05-01", "2026-06-01");
        return new RawWarehouseFixture(warehouse)
                .schools(
                        1,
                        "2023-01-10",
                        List.of(
                                RawSchool.of(X1, "140902", "PRIMARY"),
                                RawSchool.of(D1, "140921", "PRIMARY"),
                                RawSchool.of(W1, "140922", "JUNIOR")))
                .ledger(
                        2,
                        "2026-12-31",
                        List.of(
                                major("L1", X1, "2023-05-01", "2023-08-01", "2024-11-30"),
                                major("L2", D1, "2023-06-01", "2023-09-01", "2025-02-01"),
                                major("M1", X1, "2024-03-01", "2024-04-01", "2024-03-20"),
                                major("M2", X1, "2024-05-01", "2024-06-01", "2024-05-20"),
                                major("M3", X1, "2025-03-01", "2025-04-01", "2025-03-20"),
                                major("M4", D1, "2024-03-01", "2024-04-01", "2024-03-10"),
                                major("M5", D1, "2025-04-01", "2025-05-01", "2025-04-10"),
                                major("Z1", X1, "2026-02-01", "2026-03-01", "2026-02-20"),
                                z2.rectifiedOn("2026-06-10"),
                                RawHazard.open("Z3", W1, "BUILDING", "MAJOR", "2026-11-01", "2027-01-31")
                                        .foundBy("SUPERVISION")
                                        .withoutTemporaryMeasures(),
                                general("S1", W1, "SUPERVISION", "2026-03-01", "2026-04-01", null),
                                general("S2", W1, "SUPERVISION", "2026-04-01", "2026-05-01", "2026-04-20"),
                                general("S3", W1, "SUPERVISION", "2026-05-01", "2026-12-31", null),
                                general("S4", W1, "SELF", "2026-03-05", "2026-04-05", "2026-03-30"),
                                t1,
                                general("T2", X1, "SUPERVISION", "2026-04-01", "2026-07-31", "2026-06-01"),
                                general("T3", X1, "SUPERVISION", "2026-05-01", "2026-07-31", "2026-06-01"),
                                general("T4", X1, "SELF", "2026-03-02", "2026-07-31", "2026-06-01"),
                                general("T5", X1, "SELF", "2026-04-02", "2026-07-31", "2026-06-01")))
                .ledger(3, "2026-06-15", List.of(t1))
                .ledger(4, "2026-05-31", List.of(z2));
    }

    private static RawHazard major(String id, String school, String found, String deadline, String rectified) {
        return RawHazard.open(id, school, "ELECTRIC_GAS", "MAJOR", found, deadline)
                .rectifiedOn(rectified);
    }

    private static RawHazard general(
            String id, String school, String type, String found, String deadline, String rectified) {
        RawHazard hazard =
                RawHazard.open(id, school, "FIRE", "GENERAL", found, deadline).foundBy(type);
        return rectified == null ? hazard : hazard.rectifiedOn(rectified);
    }
}
