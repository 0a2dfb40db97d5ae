package cn.xiaoan.analytics.service;

import static cn.xiaoan.analytics.fixture.SliceFixture.A1;
import static cn.xiaoan.analytics.fixture.SliceFixture.B1;
import static cn.xiaoan.analytics.fixture.SliceFixture.C1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.SortDirection;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hazard lists, school pages and trends on {@link SliceFixture}, worked out by hand; D = 2026-10-31. */
class DrillDownTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final String XINFU = "140902";
    private static final String DINGXIANG = "140921";
    private static final LocalDate D = LocalDate.parse("2026-10-31");
    private static final Period YEAR_TO_D = new Period(LocalDate.parse("2026-01-01"), D);

    @TempDir
    Path root;

    private Warehouse warehouse;
    private FigureService figures;
    private HazardListService hazards;
    private SchoolProfileService schools;
    private TrendService trends;

    @BeforeEach
    void buildModel() {
        warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        hazards = new HazardListService(figures);
        schools = new SchoolProfileService(figures, hazards);
        trends = new TrendService(figures);
    }

    @AfterEach
    void closeService() {
        figures.close();
    }

    @Test
    void listsTheOpenHazardsBehindACellNewestFirst() {
        HazardPage page = hazards.list(
                query(HazardState.OPEN)
                        .filtered(Dimension.DISTRICT, Set.of(XINFU))
                        .filtered(Dimension.CATEGORY, Set.of("FIRE")),
                DistrictScope.city());
        // H1, H2 open; H3 rectified 11-05 > D: still open; H4 rectified 02-20; H6 found after D
        assertThat(ids(page)).containsExactly("H3", "H2", "H1");
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.asOf()).isEqualTo(D);
    }

    @Test
    void listsOverdueHazardsWithTheirDaysPastTheDeadline() {
        HazardPage page = hazards.list(
                query(HazardState.OVERDUE).sorted(HazardSort.DAYS_OVERDUE, SortDirection.DESC), DistrictScope.city());
        // H1: deadline 04-01 → 10-31 is 30+31+30+31+31+30+30 = 213 days; H3: 07-01 → 10-31 is 31+31+30+30 = 122;
        // H2's deadline is D itself (not overdue), H5 has none
        assertThat(ids(page)).containsExactly("H1", "H3");
        assertThat(page.items().stream().map(HazardItem::daysOverdue)).containsExactly(213, 122);
    }

    @Test
    void listsFoundAndRectifiedWithinThePeriodAsTheFiguresCountThem() {
        // found in 2026-01-01..10-31 in 忻府区: H1, H2, H3, H4 (H5 found in 2025, H6 after D)
        assertThat(ids(hazards.list(
                        query(HazardState.FOUND).filtered(Dimension.DISTRICT, Set.of(XINFU)), DistrictScope.city())))
                .containsExactlyInAnyOrder("H1", "H2", "H3", "H4");
        // rectified by D among those: H4 only (H3 on 11-05 is after D); 定襄县: H7 (09-15) and H8 (09-20)
        assertThat(ids(hazards.list(query(HazardState.RECTIFIED), DistrictScope.city())))
                .containsExactlyInAnyOrder("H4", "H7", "H8");
        // MAJOR open: H1 (H4 and H7 are rectified)
        assertThat(ids(hazards.list(query(HazardState.MAJOR_OPEN), DistrictScope.city())))
                .containsExactly("H1");
    }

    @Test
    void narrowsToTheFoundMonthOfATimeCell() {
        HazardPage june = hazards.list(
                query(HazardState.OPEN).filtered(Dimension.MONTH, Set.of("2026-06")), DistrictScope.city());
        assertThat(ids(june)).containsExactly("H3");
        assertThatThrownBy(() -> hazards.list(
                        query(HazardState.OPEN).filtered(Dimension.MONTH, Set.of("June")), DistrictScope.city()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-03");
    }

    @Test
    void leavesOutAHazardOfASchoolMissingFromTheRegisterAsTheFiguresDo() {
        // ingest refuses such a row; a raw ledger written around it must still not reach a list or a warning
        new RawWarehouseFixture(warehouse)
                .ledger(
                        20,
                        "2026-10-31",
                        List.of(RawHazard.open("X1", "1409029999", "FIRE", "MAJOR", "2026-03-01", "2026-04-01")));
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        try (var rebuilt = new FigureService(warehouse, REFERENCE, CLOCK)) {
            assertThat(rebuilt.modelVersion()).map(ModelVersion::version).contains(2L);
            HazardListService lists = new HazardListService(rebuilt);

            assertThat(lists.list(query(HazardState.ALL), DistrictScope.city()).total())
                    .isEqualTo(8);
            HazardPage overdue = lists.list(query(HazardState.OVERDUE), DistrictScope.city());
            WarningReport warnings = new WarningService(rebuilt)
                    .warnings(new WarningRequest(Optional.of(YEAR_TO_D), Optional.of(D), Set.of()));
            double overdueFigure = rebuilt.figures(Question.total().at(YEAR_TO_D, D))
                    .rows()
                    .get(0)
                    .value(Figure.OVERDUE);
            assertThat(ids(overdue)).doesNotContain("X1");
            assertThat(warnings.count(WarningKind.OVERDUE_HAZARDS))
                    .isEqualTo(overdue.total())
                    .isEqualTo((int) overdueFigure)
                    .isPositive();
        }
    }

    @Test
    void pagesThroughEveryHazardWithAStableOrderAndTheTotal() {
        HazardQuery all = query(HazardState.ALL).sorted(HazardSort.SCHOOL, SortDirection.ASC);
        HazardPage first = hazards.list(all.page(1, 3), DistrictScope.city());
        HazardPage last = hazards.list(all.page(3, 3), DistrictScope.city());
        HazardPage beyond = hazards.list(all.page(4, 3), DistrictScope.city());
        // H1..H8 are all of registered schools
        assertThat(first.total()).isEqualTo(8);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(last.items()).hasSize(2);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(8);
        var everyId = new java.util.ArrayList<String>();
        for (int page = 1; page <= 3; page++) {
            everyId.addAll(ids(hazards.list(all.page(page, 3), DistrictScope.city())));
        }
        assertThat(everyId).containsExactlyInAnyOrder("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8");
    }

    @Test
    void searchesHazardIdsAndSchoolNamesWithoutCase() {
        assertThat(ids(hazards.list(query(HazardState.ALL).searching("h7"), DistrictScope.city())))
                .containsExactly("H7");
    }

    @Test
    void searchesTheDescriptionAndLocationAndListsEachHazardWithItsOwnText() {
        HazardPage described = hazards.list(query(HazardState.ALL).searching("应急照明"), DistrictScope.city());
        assertThat(described.total()).isEqualTo(8);
        assertThat(described.items()).hasSize(8).allSatisfy(item -> {
            assertThat(item.description()).isEqualTo("宿舍走廊应急照明灯损坏");
            assertThat(item.location()).isEqualTo("宿舍");
        });
        assertThat(hazards.list(query(HazardState.ALL).searching("宿舍"), DistrictScope.city())
                        .total())
                .isEqualTo(8);
        assertThat(hazards.list(query(HazardState.ALL).searching("操场"), DistrictScope.city())
                        .total())
                .isZero();
    }

    @Test
    void keepsADistrictUserInTheirDistrictWhateverTheFiltersAsk() {
        DistrictScope dingxiang = DistrictScope.of(Set.of(DINGXIANG));
        assertThat(ids(hazards.list(query(HazardState.ALL), dingxiang))).containsExactlyInAnyOrder("H7", "H8");
        assertThat(hazards.list(query(HazardState.ALL).filtered(Dimension.DISTRICT, Set.of(XINFU)), dingxiang)
                        .total())
                .isZero();
        assertThat(hazards.list(query(HazardState.ALL).ofSchools(Set.of(A1)), dingxiang)
                        .total())
                .isZero();
        assertThatThrownBy(() -> schools.profile(A1, Optional.of(D), dingxiang))
                .isInstanceOf(UnknownSchoolException.class);
    }

    @Test
    void profilesASchoolWithCountsThatMatchItsLists() {
        SchoolProfile profile = schools.profile(A1, Optional.of(D), DistrictScope.city());
        assertThat(profile.school().districtCode()).isEqualTo(XINFU);
        assertThat(profile.school().schoolType()).isEqualTo("PRIMARY");
        // found in 2026 up to D: H1, H2 (H5 in 2025, H6 after D); open: H1, H2, H5; overdue: H1; MAJOR open: H1
        assertThat(profile.counts()).isEqualTo(new SchoolProfile.Counts(2, 3, 1, 1));
        // open items by deadline, the one without a deadline last
        assertThat(ids(profile.openItems())).containsExactly("H1", "H2", "H5");
        // 24 months up to 2026-10: 2024-11 .. 2026-10; H5 found 2025-12, H1 2026-03, H2 2026-05
        assertThat(profile.history()).hasSize(24);
        assertThat(profile.history().get(0).month()).isEqualTo("2024-11");
        assertThat(profile.history())
                .filteredOn(month -> month.found() > 0)
                .containsExactly(
                        new SchoolProfile.Month("2025-12", 1, 0, 1),
                        new SchoolProfile.Month("2026-03", 1, 1, 1),
                        new SchoolProfile.Month("2026-05", 1, 0, 1));
        assertThat(profile.modelVersion()).isEqualTo(figures.modelVersion().orElseThrow());
    }

    @Test
    void ranksSchoolsByTheRiskPointsTheRiskIndexSums() {
        List<SchoolRisk> ranking = schools.riskiest(Optional.of(D), Map.of(), 10, DistrictScope.city());
        // A1: H1 MAJOR overdue 5 × 2 = 10, H2 and H5 GENERAL in time 1 + 1 → 12; A2: H3 GENERAL overdue 1 × 2 = 2
        assertThat(ranking)
                .containsExactly(
                        new SchoolRisk(A1, ranking.get(0).schoolName(), XINFU, "忻府区", "PRIMARY", 3, 1, 1, 12),
                        new SchoolRisk(
                                SliceFixture.A2, ranking.get(1).schoolName(), XINFU, "忻府区", "JUNIOR", 1, 1, 0, 2));
        // risk_index of 忻府区 × PRIMARY (one school, A1) = 100 × 12 / 1; × JUNIOR (A2) = 100 × 2 / 1
        FigureTable risk = figures.figures(new Question(
                Optional.of(YEAR_TO_D), Optional.of(D), List.of(Dimension.DISTRICT, Dimension.SCHOOL_TYPE), Map.of()));
        assertThat(risk.row(XINFU, "PRIMARY").value(Figure.RISK_INDEX)).isEqualTo(100.0 * 12);
        assertThat(risk.row(XINFU, "JUNIOR").value(Figure.RISK_INDEX)).isEqualTo(100.0 * 2);
        assertThat(schools.riskiest(Optional.of(D), Map.of(), 10, DistrictScope.of(Set.of(DINGXIANG))))
                .isEmpty();
    }

    @Test
    void refusesAnUnregisteredSchool() {
        assertThatThrownBy(() -> schools.profile("1409999999", Optional.of(D), DistrictScope.city()))
                .isInstanceOf(UnknownSchoolException.class)
                .hasMessageContaining("1409999999");
        // C1 is registered without hazards: a page with zeros, not an error
        assertThat(schools.profile(C1, Optional.of(D), DistrictScope.city()).counts())
                .isEqualTo(new SchoolProfile.Counts(0, 0, 0, 0));
        assertThat(schools.profile(B1, Optional.of(D), DistrictScope.city())
                        .school()
                        .districtCode())
                .isEqualTo(DINGXIANG);
    }

    @Test
    void drawsStocksAtEachMonthEndAndFlowsWithinEachMonth() {
        Trend trend = trends.trend(
                new TrendRequest(TimeGrain.MONTH, Optional.of(YEAR_TO_D), Optional.empty(), List.of(), Map.of()));
        assertThat(trend.points()).hasSize(10);
        // open at each month end: Jan H5; Feb H5 (H4 found and rectified in Feb); Mar +H1; Apr +H7; May +H2;
        // Jun +H3; Jul +H8; Aug 6; Sep −H7 −H8 (rectified 09-15, 09-20); Oct 4
        assertThat(trend.points().stream().map(point -> point.rows().get(0).value(Figure.OPEN)))
                .containsExactly(1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 6.0, 4.0, 4.0);
        // found in each month: H4 Feb, H1 Mar, H7 Apr, H2 May, H3 Jun, H8 Jul
        assertThat(trend.points().stream().map(point -> point.rows().get(0).value(Figure.FOUND)))
                .containsExactly(0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0);
        TrendPoint march = trend.points().get(2);
        assertThat(march.code()).isEqualTo("2026-03");
        assertThat(march.asOf()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(march.rows().get(0))
                .isEqualTo(figures.figures(new Question(
                                Optional.of(march.period()), Optional.of(march.asOf()), List.of(), Map.of()))
                        .total());
    }

    @Test
    void endsTheSeriesAtTheAsOfDateAndBreaksItDown() {
        Trend trend = trends.trend(new TrendRequest(
                TimeGrain.QUARTER,
                Optional.of(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))),
                Optional.of(LocalDate.parse("2026-08-15")),
                List.of(Dimension.DISTRICT),
                Map.of()));
        // Q1, Q2 and Q3 up to 08-15; Q4 starts after D
        assertThat(trend.points().stream().map(TrendPoint::code)).containsExactly("2026-Q1", "2026-Q2", "2026-Q3");
        TrendPoint q3 = trend.points().get(2);
        assertThat(q3.period()).isEqualTo(new Period(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-08-15")));
        // open in 定襄县 at 08-15: H7 (rectified 09-15) and H8 (found 07-01)
        assertThat(q3.rows().stream()
                        .filter(row -> row.keys().get(0).equals(DINGXIANG))
                        .findFirst()
                        .orElseThrow()
                        .value(Figure.OPEN))
                .isEqualTo(2.0);
    }

    private static HazardQuery query(HazardState state) {
        return HazardQuery.in(state).at(YEAR_TO_D, D);
    }

    private static List<String> ids(HazardPage page) {
        return page.items().stream().map(HazardItem::hazardId).toList();
    }
}
