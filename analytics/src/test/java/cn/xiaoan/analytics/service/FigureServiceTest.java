package cn.xiaoan.analytics.service;

import static cn.xiaoan.analytics.figure.Dimension.CATEGORY;
import static cn.xiaoan.analytics.figure.Dimension.DISTRICT;
import static cn.xiaoan.analytics.figure.Dimension.SCHOOL_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Cell;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.analytics.publish.ModelNotBuiltException;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every expected value is worked out by hand from {@link SliceFixture}; the arithmetic is in the comments. */
class FigureServiceTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final String XINFU = "140902";
    private static final String DINGXIANG = "140921";
    private static final String WUTAI = "140922";
    private static final String DAI = "140923";

    @TempDir
    Path root;

    private Warehouse warehouse;
    private FigureService figures;

    @BeforeEach
    void buildModel() {
        warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
    }

    @AfterEach
    void closeService() {
        figures.close();
    }

    @Test
    void countsOpenHazardsAtTheAsOfDateWhateverTheirFoundPeriod() {
        Heatmap open = heatmap(Figure.OPEN, DISTRICT, CATEGORY, "2026-10-31");
        // H1 open, H2 open, H3 rectified 11-05 > D so still open, H4 rectified before D, H6 found after D
        assertThat(open.cell(XINFU, "FIRE").value()).isEqualTo(3.0);
        // H5 was found in 2025, before the period, and is still open: open is a stock, not a flow
        assertThat(open.cell(XINFU, "ELECTRIC_GAS").value()).isEqualTo(1.0);
        // H7 and H8 are rectified in their latest snapshots
        assertThat(open.cell(DINGXIANG, "TRAFFIC").value()).isEqualTo(0.0);
    }

    @Test
    void countsOverdueOnlyWhenTheDeadlineIsBeforeTheAsOfDate() {
        Heatmap onDeadline = heatmap(Figure.OVERDUE, DISTRICT, CATEGORY, "2026-10-31");
        // H1 (deadline 04-01) and H3 (07-01) are overdue; H2's deadline is D itself, so it is not (yet) overdue
        assertThat(onDeadline.cell(XINFU, "FIRE").value()).isEqualTo(2.0);
        // H5 has no deadline: never overdue
        assertThat(onDeadline.cell(XINFU, "ELECTRIC_GAS").value()).isEqualTo(0.0);

        Heatmap dayAfter = heatmap(Figure.OVERDUE, DISTRICT, CATEGORY, "2026-11-01");
        // one day later H2 is overdue too: H1 + H2 + H3
        assertThat(dayAfter.cell(XINFU, "FIRE").value()).isEqualTo(3.0);
    }

    @Test
    void countsFoundWithinThePeriodOnly() {
        Heatmap found = heatmap(Figure.FOUND, DISTRICT, CATEGORY, "2026-10-31");
        // period 2026-01-01..2026-10-31: H1, H2, H3, H4; H6 (11-02) is after the period
        assertThat(found.cell(XINFU, "FIRE").value()).isEqualTo(4.0);
        // H5 was found in 2025
        assertThat(found.cell(XINFU, "ELECTRIC_GAS").value()).isEqualTo(0.0);
        assertThat(found.cell(DINGXIANG, "TRAFFIC").value()).isEqualTo(2.0);
    }

    @Test
    void computesTheRectificationRateAndLeavesItUndefinedWhereNothingWasFound() {
        Heatmap rate = heatmap(Figure.RECTIFICATION_RATE, DISTRICT, CATEGORY, "2026-10-31");
        // found 4 (H1..H4); rectified by D: H4 only (H3 was rectified 11-05, after D) → 1 / 4
        assertThat(rate.cell(XINFU, "FIRE").value()).isEqualTo(0.25);
        // H7 rectified 09-15 and H8 rectified 09-20, both found in the period → 2 / 2
        assertThat(rate.cell(DINGXIANG, "TRAFFIC").value()).isEqualTo(1.0);
        // nothing found in the period: undefined, neither 0 nor 100 %
        assertThat(rate.cell(XINFU, "ELECTRIC_GAS").value()).isNull();
        assertThat(rate.cell(WUTAI, "FIRE").value()).isNull();
        assertThat(rate.cell(DAI, "FIRE").value()).isNull();
    }

    @Test
    void weighsOpenHazardsBySeverityAndOverduePerSchoolOfTheDistrict() {
        Heatmap risk = heatmap(Figure.RISK_INDEX, DISTRICT, CATEGORY, "2026-10-31");
        // 忻府区 has 2 schools (A1, A2). Open FIRE hazards: H1 MAJOR overdue 5 × 2 = 10, H2 GENERAL on its deadline
        // 1 × 1 = 1, H3 GENERAL overdue 1 × 2 = 2 → 100 × 13 / 2 = 650
        assertThat(risk.cell(XINFU, "FIRE").value()).isEqualTo(650.0);
        // H5 GENERAL, no deadline: 100 × 1 / 2 = 50
        assertThat(risk.cell(XINFU, "ELECTRIC_GAS").value()).isEqualTo(50.0);
        // 定襄县: H7 and H8 are rectified in their latest snapshots (stale snapshots would give 100 × (10 + 1) / 1)
        assertThat(risk.cell(DINGXIANG, "TRAFFIC").value()).isEqualTo(0.0);
        // 五台县 has a school (C1) and no hazards: 100 × 0 / 1 = 0; 代县 has no school at all: 0 / 0 is undefined
        assertThat(risk.cell(WUTAI, "FIRE").value()).isEqualTo(0.0);
        assertThat(risk.cell(DAI, "FIRE").value()).isNull();
    }

    @Test
    void dividesRiskByTheSchoolsOfTheCellsSchoolTypeWhenThatIsADimension() {
        Heatmap byType = heatmap(Figure.RISK_INDEX, SCHOOL_TYPE, CATEGORY, "2026-10-31");
        // PRIMARY schools: A1, B1, C1 = 3; open FIRE at PRIMARY schools: H1 (10) + H2 (1) → 100 × 11 / 3
        assertThat(byType.cell("PRIMARY", "FIRE").value()).isCloseTo(1100.0 / 3, within(1e-9));
        // JUNIOR: A2 only; H3 overdue GENERAL (2) → 100 × 2 / 1 = 200
        assertThat(byType.cell("JUNIOR", "FIRE").value()).isEqualTo(200.0);
        // no kindergartens at all: undefined
        assertThat(byType.cell("KINDERGARTEN", "FIRE").value()).isNull();

        Heatmap byDistrictAndType = heatmap(Figure.RISK_INDEX, DISTRICT, SCHOOL_TYPE, "2026-10-31");
        // 忻府区 PRIMARY: A1 alone; every open hazard of A1, all categories: H1 10 + H2 1 + H5 1 → 100 × 12 / 1
        assertThat(byDistrictAndType.cell(XINFU, "PRIMARY").value()).isEqualTo(1200.0);
        // 忻府区 JUNIOR: A2 alone; H3 → 100 × 2 / 1
        assertThat(byDistrictAndType.cell(XINFU, "JUNIOR").value()).isEqualTo(200.0);
    }

    @Test
    void hasACellForEveryDistrictAndCategoryInReferenceOrder() {
        Heatmap risk = heatmap(Figure.RISK_INDEX, DISTRICT, CATEGORY, "2026-10-31");
        assertThat(risk.rows()).hasSize(15);
        assertThat(risk.columns()).hasSize(15);
        // defined exactly where the district has schools: 忻府区, 定襄县 and 五台县 in this fixture
        assertThat(risk.cells()).hasSize(225).allSatisfy(cell -> assertThat(cell.value() == null)
                .isEqualTo(!List.of(XINFU, DINGXIANG, WUTAI).contains(cell.rowCode())));
        assertThat(risk.rows().get(0)).isEqualTo(new Member("140902", "忻府区", "Xinfu District"));
        assertThat(risk.columns().get(0)).isEqualTo(new Member("FIRE", "消防安全", "Fire safety"));
        assertThat(risk.cells().get(1)).isEqualTo(new Cell("140902", "ELECTRIC_GAS", 50.0));
    }

    @Test
    void defaultsToTheLatestReportDateAndItsYearToDate() {
        Heatmap risk = figures.heatmap(HeatmapRequest.riskByDistrictAndCategory());
        assertThat(risk.asOf()).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(risk.period()).isEqualTo(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-09-30")));
        assertThat(risk.modelVersion().version()).isEqualTo(1);
        assertThat(risk.modelVersion().batchIds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        // at 09-30 H2 (deadline 10-31) is open, not overdue; H3 is open and overdue; H1 as before → (10 + 1 + 2) / 2
        assertThat(risk.cell(XINFU, "FIRE").value()).isEqualTo(650.0);
    }

    @Test
    void takesTheAsOfDateFromThePeriodEndWhenOnlyAPeriodIsGiven() {
        var period = new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"));
        Heatmap rate = figures.heatmap(new HeatmapRequest(
                DISTRICT, CATEGORY, Figure.RECTIFICATION_RATE, Optional.empty(), Optional.of(period)));
        assertThat(rate.asOf()).isEqualTo(LocalDate.parse("2026-03-31"));
        // found in Q1: H1 (03-01), H4 (02-01); rectified by 03-31: H4 → 1 / 2
        assertThat(rate.cell(XINFU, "FIRE").value()).isEqualTo(0.5);
    }

    @Test
    void servesANewlyPublishedModelWithoutRestarting() {
        assertThat(figures.modelVersion()).map(ModelVersion::version).contains(1L);
        new RawWarehouseFixture(warehouse)
                .ledger(
                        7,
                        "2026-10-15",
                        List.of(RawHazard.open("H1", SliceFixture.A1, "FIRE", "MAJOR", "2026-03-01", "2026-04-01")
                                .rectifiedOn("2026-10-10")));
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        assertThat(figures.modelVersion()).map(ModelVersion::version).contains(2L);
        Heatmap risk = heatmap(Figure.RISK_INDEX, DISTRICT, CATEGORY, "2026-10-31");
        // H1 is now rectified: H2 1 + H3 2 → 100 × 3 / 2
        assertThat(risk.cell(XINFU, "FIRE").value()).isEqualTo(150.0);
        assertThat(risk.modelVersion().version()).isEqualTo(2);
    }

    @Test
    void refusesToComputeBeforeAnyModelIsBuilt(@TempDir Path empty) {
        try (var service = new FigureService(new Warehouse(empty), REFERENCE, CLOCK)) {
            assertThat(service.modelVersion()).isEmpty();
            assertThatThrownBy(() -> service.heatmap(HeatmapRequest.riskByDistrictAndCategory()))
                    .isInstanceOf(ModelNotBuiltException.class)
                    .hasMessageContaining("no model has been built yet")
                    .hasMessageEndingWith("run bin/xiaoan build");
        }
    }

    @Test
    void rejectsTheSameDimensionOnBothAxes() {
        assertThatThrownBy(
                        () -> new HeatmapRequest(DISTRICT, DISTRICT, Figure.OPEN, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot build heatmap: rows and columns are both district; choose two different"
                        + " dimensions from " + Dimension.codes());
    }

    private Heatmap heatmap(Figure metric, Dimension rows, Dimension columns, String asOf) {
        LocalDate date = LocalDate.parse(asOf);
        return figures.heatmap(new HeatmapRequest(rows, columns, metric, Optional.of(date), Optional.empty()));
    }
}
