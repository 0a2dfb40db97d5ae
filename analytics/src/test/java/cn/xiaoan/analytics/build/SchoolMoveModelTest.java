package cn.xiaoan.analytics.build;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawSchool;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.HazardItem;
import cn.xiaoan.analytics.service.HazardListService;
import cn.xiaoan.analytics.service.HazardPage;
import cn.xiaoan.analytics.service.HazardQuery;
import cn.xiaoan.analytics.service.HazardState;
import cn.xiaoan.analytics.service.HazardWarning;
import cn.xiaoan.analytics.service.SchoolProfileService;
import cn.xiaoan.analytics.service.WarningReport;
import cn.xiaoan.analytics.service.WarningRequest;
import cn.xiaoan.analytics.service.WarningService;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.SchoolMoveRequest;
import cn.xiaoan.ingest.SchoolMoves;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A school's district in the model: its first registration (a later register row naming another district does not
 * move it), then its moves from their effective date, so hazards found before a move stay with the old district in
 * figures, drill lists, warnings and rankings, and the school itself belongs to its current owner.
 *
 * <pre>
 * 忻府区 140902: X1 (hazard HX1)
 * 定襄县 140921: D1, registered first by 定襄县; a later register (batch 2) lists it under 忻府区 (ignored);
 *                moved to 忻府区 effective 2026-05-01. Hazards: HD-BEFORE found 04-10, HD-AFTER found 05-01,
 *                both open and overdue at D = 2026-06-30.
 * </pre>
 */
class SchoolMoveModelTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String XINFU = "140902";
    private static final String DINGXIANG = "140921";
    private static final String X1 = "1409020001";
    private static final String D1 = "1409210001";
    private static final LocalDate D = LocalDate.parse("2026-06-30");
    private static final Period H1 = new Period(LocalDate.parse("2026-01-01"), D);

    @TempDir
    Path root;

    private Warehouse warehouse;
    private FigureService figures;

    @BeforeEach
    void buildModelAfterAMove() {
        warehouse = new Warehouse(root);
        new RawWarehouseFixture(warehouse)
                .schools(
                        1,
                        "2026-01-15",
                        List.of(RawSchool.of(X1, XINFU, "PRIMARY"), RawSchool.of(D1, DINGXIANG, "PRIMARY")))
                // written before ownership was enforced: a later register row (even dated earlier) claiming D1
                .schools(2, "2026-01-01", List.of(RawSchool.of(D1, XINFU, "PRIMARY")))
                .ledger(
                        3,
                        "2026-06-30",
                        List.of(
                                RawHazard.open("HX1", X1, "FIRE", "GENERAL", "2026-03-01", "2026-04-01"),
                                RawHazard.open("HD-BEFORE", D1, "FIRE", "MAJOR", "2026-04-10", "2026-04-30"),
                                RawHazard.open("HD-AFTER", D1, "FIRE", "GENERAL", "2026-05-01", "2026-05-31")));
        new SchoolMoves(warehouse, REFERENCE, CLOCK)
                .move(new SchoolMoveRequest(
                        D1, XINFU, "行政区划调整", Optional.of(LocalDate.parse("2026-05-01")), "city-admin"));
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
    }

    @AfterEach
    void closeService() {
        figures.close();
    }

    @Test
    void recordsThePeriodsOfEachSchoolFromItsFirstRegistrationAndItsMoves() throws Exception {
        assertThat(rows("SELECT school_code, district_code, CAST(valid_from AS VARCHAR), CAST(valid_to AS VARCHAR)"
                        + " FROM " + table(ModelTable.SCHOOL_DISTRICT_PERIODS)
                        + " ORDER BY school_code, move_sequence"))
                .containsExactly(
                        List.of(X1, XINFU, "null", "null"),
                        List.of(D1, DINGXIANG, "null", "2026-05-01"),
                        List.of(D1, XINFU, "2026-05-01", "null"));
        assertThat(rows("SELECT school_code, district_code FROM " + table(ModelTable.DIM_SCHOOL) + " ORDER BY 1"))
                .containsExactly(List.of(X1, XINFU), List.of(D1, XINFU));
        assertThat(rows("SELECT hazard_id, district_code FROM " + table(ModelTable.CURRENT_HAZARDS) + " ORDER BY 1"))
                .containsExactly(List.of("HD-AFTER", XINFU), List.of("HD-BEFORE", DINGXIANG), List.of("HX1", XINFU));
    }

    @Test
    void countsHazardsFoundBeforeTheMoveForTheOldDistrictInFiguresAndDrillLists() {
        FigureTable byDistrict =
                figures.figures(new Question(Optional.of(H1), Optional.of(D), List.of(Dimension.DISTRICT), Map.of()));
        assertThat(byDistrict.row(DINGXIANG).value(Figure.FOUND)).isEqualTo(1.0);
        assertThat(byDistrict.row(DINGXIANG).value(Figure.MAJOR_OPEN)).isEqualTo(1.0);
        assertThat(byDistrict.row(XINFU).value(Figure.FOUND)).isEqualTo(2.0);

        var hazards = new HazardListService(figures);
        HazardQuery found = HazardQuery.in(HazardState.FOUND).at(H1, D);
        assertThat(ids(hazards.list(found.filtered(Dimension.DISTRICT, Set.of(DINGXIANG)), DistrictScope.city())))
                .containsExactly("HD-BEFORE");
        assertThat(ids(hazards.list(found, DistrictScope.of(Set.of(XINFU)))))
                .containsExactlyInAnyOrder("HX1", "HD-AFTER");
        assertThat(hazards.list(found, DistrictScope.city()).items())
                .filteredOn(item -> item.hazardId().equals("HD-BEFORE"))
                .singleElement()
                .satisfies(item -> assertThat(item.districtCode()).isEqualTo(DINGXIANG));
    }

    @Test
    void ranksAMovedSchoolWithEachDistrictsHazardsAndListsWarningsByTheHazardsDistrict() {
        var schools = new SchoolProfileService(figures, new HazardListService(figures));
        assertThat(schools.riskiest(Optional.of(D), Map.of(), 10, DistrictScope.of(Set.of(DINGXIANG))))
                .singleElement()
                .satisfies(risk -> {
                    assertThat(risk.schoolCode()).isEqualTo(D1);
                    assertThat(risk.open()).isEqualTo(1);
                    assertThat(risk.districtCode()).isEqualTo(DINGXIANG);
                });
        assertThat(schools.profile(D1, Optional.of(D), DistrictScope.city())
                        .school()
                        .districtCode())
                .isEqualTo(XINFU);

        WarningReport warnings = new WarningService(figures)
                .warnings(new WarningRequest(Optional.of(H1), Optional.of(D), Set.of(DINGXIANG)));
        assertThat(warnings.overdueHazards().rows())
                .extracting(HazardWarning::hazardId)
                .containsExactly("HD-BEFORE");
    }

    private String table(ModelTable table) {
        return ModelComparison.source(warehouse.model(1), table);
    }

    private static List<String> ids(HazardPage page) {
        return page.items().stream().map(HazardItem::hazardId).toList();
    }

    private static List<List<String>> rows(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            var rows = new ArrayList<List<String>>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                var row = new ArrayList<String>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(result.getString(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
