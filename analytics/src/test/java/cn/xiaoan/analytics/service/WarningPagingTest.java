package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warning lists come a page at a time with the whole list's total, on a generated warehouse (60 schools, 3,000
 * hazards): the pages, asked one after another, are the whole list in its order, and the total is its size.
 */
class WarningPagingTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate AS_OF = LocalDate.parse("2026-10-31");
    private static final int SMALL_PAGE = 7;

    @TempDir
    static Path root;

    private static FigureService figures;
    private static WarningService warnings;

    @BeforeAll
    static void buildModel() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 60, 3_000, 5);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        warnings = new WarningService(figures);
    }

    @AfterAll
    static void close() {
        figures.close();
    }

    private static WarningRequest asOf(WarningPage page) {
        return new WarningRequest(Optional.empty(), Optional.of(AS_OF), Set.of(), page);
    }

    private static WarningList<?> list(ModelSnapshot snapshot, WarningKind kind, WarningPage page) {
        WarningListReport report = warnings.list(snapshot, asOf(page), kind);
        assertThat(report.kind()).isEqualTo(kind);
        assertThat(report.asOf()).isEqualTo(AS_OF);
        return report.list();
    }

    @Test
    void pagesAskedOneAfterAnotherAreTheWholeListInOrderAndTheTotalIsItsSize() {
        ModelSnapshot snapshot = figures.snapshot();
        for (WarningKind kind : WarningKind.values()) {
            WarningList<?> whole = list(snapshot, kind, new WarningPage(0, WarningPage.MAX_LIMIT));
            assertThat(whole.total())
                    .as("%s fits one page of the maximum size", kind)
                    .isLessThan(WarningPage.MAX_LIMIT);
            assertThat(whole.rows()).as(kind.code()).hasSize(whole.total());

            var concatenated = new ArrayList<Object>();
            WarningPage page = new WarningPage(0, SMALL_PAGE);
            WarningList<?> current;
            do {
                current = list(snapshot, kind, page);
                assertThat(current.total()).as(kind.code()).isEqualTo(whole.total());
                assertThat(current.offset()).isEqualTo(page.offset());
                assertThat(current.rows().size()).isLessThanOrEqualTo(SMALL_PAGE);
                concatenated.addAll(current.rows());
                page = page.next();
            } while (current.hasNext());
            assertThat(concatenated).as(kind.code()).containsExactlyElementsOf(whole.rows());
        }
        // the data makes the lists that matter span several small pages
        assertThat(list(snapshot, WarningKind.OVERDUE_HAZARDS, WarningPage.first())
                        .total())
                .isGreaterThan(3 * SMALL_PAGE);
        assertThat(list(snapshot, WarningKind.RECTIFIED_NOT_CLOSED, WarningPage.first())
                        .total())
                .isGreaterThan(3 * SMALL_PAGE);
    }

    @Test
    void theFirstPageHoldsTheMostUrgentRows() {
        WarningList<HazardWarning> overdue = warnings.warnings(asOf(new WarningPage(0, WarningPage.MAX_LIMIT)))
                .overdueHazards();
        assertThat(overdue.rows())
                .isSortedAccordingTo(
                        Comparator.comparingInt(HazardWarning::daysOverdue).reversed());
        WarningList<HazardWarning> first =
                warnings.warnings(asOf(new WarningPage(0, 5))).overdueHazards();
        assertThat(first.rows()).containsExactlyElementsOf(overdue.rows().subList(0, 5));
    }

    @Test
    void theReportCountsTheWholeListNotItsPage() {
        WarningReport report = warnings.warnings(asOf(new WarningPage(0, SMALL_PAGE)));
        double overdue = figures.figures(new Question(Optional.empty(), Optional.of(AS_OF), List.of(), Map.of()))
                .total()
                .value(Figure.OVERDUE);
        assertThat(overdue).isGreaterThan(SMALL_PAGE);
        assertThat((double) report.count(WarningKind.OVERDUE_HAZARDS)).isEqualTo(overdue);
        assertThat(report.overdueHazards().rows()).hasSize(SMALL_PAGE);
        assertThat(report.overdueHazards().hasNext()).isTrue();
        for (WarningKind kind : WarningKind.values()) {
            assertThat(report.list(kind).rows().size()).isLessThanOrEqualTo(SMALL_PAGE);
            assertThat(report.count(kind)).isEqualTo(report.list(kind).total());
        }
    }

    @Test
    void aPagePastTheEndHasNoRowsButKeepsTheTotal() {
        int total = list(figures.snapshot(), WarningKind.OVERDUE_HAZARDS, WarningPage.first())
                .total();
        WarningList<?> beyond =
                list(figures.snapshot(), WarningKind.OVERDUE_HAZARDS, new WarningPage(total + 10, SMALL_PAGE));
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.total()).isEqualTo(total);
        assertThat(beyond.hasNext()).isFalse();
    }

    @Test
    void aDistrictsListsAreOnlyItsRowsWithTheirOwnTotal() {
        var city = warnings.warnings(asOf(new WarningPage(0, WarningPage.MAX_LIMIT)));
        String district = city.overdueHazards().rows().get(0).districtCode();
        var own = warnings.warnings(
                new WarningRequest(Optional.empty(), Optional.of(AS_OF), Set.of(district), new WarningPage(0, 3)));
        List<HazardWarning> expected = city.overdueHazards().rows().stream()
                .filter(hazard -> hazard.districtCode().equals(district))
                .toList();
        assertThat(own.count(WarningKind.OVERDUE_HAZARDS)).isEqualTo(expected.size());
        assertThat(own.overdueHazards().rows())
                .containsExactlyElementsOf(expected.subList(0, Math.min(3, expected.size())));
    }

    @Test
    void refusesANegativeOffsetOrALimitOutsideOneTo500InBothLanguages() {
        assertThatThrownBy(() -> new WarningPage(-1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset")
                .hasMessageContaining("起始行");
        assertThatThrownBy(() -> new WarningPage(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 500")
                .hasMessageContaining("1 到 500");
        assertThatThrownBy(() -> new WarningPage(0, WarningPage.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("501");
        assertThatThrownBy(() -> WarningKind.fromCode("overdue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overdue_hazards")
                .hasMessageContaining("预警清单");
        assertThat(WarningKind.fromCode("Overdue_Hazards")).isEqualTo(WarningKind.OVERDUE_HAZARDS);
    }
}
