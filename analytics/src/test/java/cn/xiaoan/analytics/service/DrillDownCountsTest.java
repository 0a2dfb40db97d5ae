package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A drill-down lists exactly the hazards its figure counts: on generated data, for every state with a figure and
 * every cell of a district × severity breakdown (and a month breakdown), the list's total equals the figure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillDownCountsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path root;

    private FigureService figures;
    private HazardListService hazards;

    @BeforeAll
    void buildModel() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 60, 3_000, 7);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        hazards = new HazardListService(figures);
    }

    @AfterAll
    void closeService() {
        figures.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = HazardState.class,
            names = {"ALL"},
            mode = EnumSource.Mode.EXCLUDE)
    void listsAsManyHazardsAsTheFigureCountsInEveryCell(HazardState state) {
        Figure figure = state.countedBy().orElseThrow();
        // a month-aligned question (answered from a cube) and one that is not (every hazard)
        for (Period period : List.of(
                new Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")),
                new Period(LocalDate.parse("2026-02-10"), LocalDate.parse("2026-09-17")))) {
            FigureTable table = figures.figures(new Question(
                    Optional.of(period),
                    Optional.of(period.to()),
                    List.of(Dimension.DISTRICT, Dimension.SEVERITY),
                    Map.of()));
            double total = 0;
            for (FigureRow row : table.rows()) {
                HazardQuery cell = HazardQuery.in(state)
                        .at(period, period.to())
                        .filtered(Dimension.DISTRICT, Set.of(row.keys().get(0)))
                        .filtered(Dimension.SEVERITY, Set.of(row.keys().get(1)))
                        .page(1, 1);
                assertThat((double) hazards.list(cell, DistrictScope.city()).total())
                        .as("%s in %s as of %s", state.code(), row.keys(), period.to())
                        .isEqualTo(row.value(figure));
                total += row.value(figure);
            }
            if (state != HazardState.LEGACY_MAJOR_OPEN) { // generated hazards are found from 2025 on: none legacy
                assertThat(total)
                        .as("%s has hazards to compare in %s", state.code(), period)
                        .isPositive();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = HazardState.class,
            names = {"FOUND", "OPEN", "OVERDUE"})
    void listsAsManyHazardsAsTheFigureCountsInEveryFoundMonth(HazardState state) {
        Period period = new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"));
        FigureTable table = figures.figures(
                new Question(Optional.of(period), Optional.of(period.to()), List.of(Dimension.MONTH), Map.of()));
        for (FigureRow row : table.rows()) {
            HazardQuery cell = HazardQuery.in(state)
                    .at(period, period.to())
                    .filtered(Dimension.MONTH, Set.of(row.keys().get(0)))
                    .page(1, 1);
            assertThat((double) hazards.list(cell, DistrictScope.city()).total())
                    .as("%s in %s", state.code(), row.keys())
                    .isEqualTo(row.value(state.countedBy().orElseThrow()));
        }
    }
}
