package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.SortDirection;
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
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hazard list counts its total and picks its page apart from reading the page's details: on generated data, for
 * every sort in both directions and several states, the pages laid end to end are the whole list in the order the
 * sort promises (nulls last, then school and hazard id), every page states the same total, and a page past the last
 * one is empty with that total still.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazardListPagingTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    private static final Period PERIOD = new Period(LocalDate.parse("2026-01-01"), AS_OF);
    private static final List<HazardState> STATES =
            List.of(HazardState.ALL, HazardState.OPEN, HazardState.OVERDUE, HazardState.FOUND);
    private static final int SIZE = 97;

    @TempDir
    static Path root;

    private FigureService figures;
    private HazardListService hazards;

    @BeforeAll
    void buildModel() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 12, 600, 11);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        hazards = new HazardListService(figures);
    }

    @AfterAll
    void closeService() {
        figures.close();
    }

    @ParameterizedTest
    @EnumSource(HazardSort.class)
    void pagesLaidEndToEndAreTheWholeListInItsOrderWithOneTotal(HazardSort sort) {
        for (HazardState state : STATES) {
            for (SortDirection direction : SortDirection.values()) {
                HazardQuery query = HazardQuery.in(state).at(PERIOD, AS_OF).sorted(sort, direction);
                HazardPage whole = hazards.first(query, DistrictScope.city(), HazardQuery.MAX_SIZE * 4);
                assertThat(whole.total())
                        .as("%s %s", state, direction)
                        .isEqualTo(whole.items().size());
                assertThat(whole.items()).as("%s %s", state, direction).isSortedAccordingTo(order(sort, direction));

                var paged = new ArrayList<HazardItem>();
                long pages = Math.max(1, (whole.total() + SIZE - 1) / SIZE);
                for (int page = 1; page <= pages; page++) {
                    HazardPage one = hazards.list(query.page(page, SIZE), DistrictScope.city());
                    assertThat(one.total())
                            .as("%s %s page %d", state, direction, page)
                            .isEqualTo(whole.total());
                    paged.addAll(one.items());
                }
                assertThat(paged).as("%s %s", state, direction).containsExactlyElementsOf(whole.items());

                HazardPage beyond = hazards.list(query.page((int) pages + 1, SIZE), DistrictScope.city());
                assertThat(beyond.items()).isEmpty();
                assertThat(beyond.total()).isEqualTo(whole.total());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = HazardState.class,
            names = {"OPEN", "ALL"})
    void aSchoolsListIsTheWholeListNarrowedToThatSchool(HazardState state) {
        HazardQuery query = HazardQuery.in(state).at(PERIOD, AS_OF).sorted(HazardSort.DEADLINE, SortDirection.ASC);
        List<HazardItem> every = hazards.first(query, DistrictScope.city(), HazardQuery.MAX_SIZE * 4)
                .items();
        String school = every.get(every.size() / 2).schoolCode();
        HazardPage ofSchool =
                hazards.list(query.ofSchools(Set.of(school)).page(1, HazardQuery.MAX_SIZE), DistrictScope.city());
        assertThat(ofSchool.items())
                .containsExactlyElementsOf(every.stream()
                        .filter(item -> item.schoolCode().equals(school))
                        .toList());
        assertThat(ofSchool.total()).isEqualTo(ofSchool.items().size()).isPositive();
    }

    /** The order sql/drill/hazards.sql promises, spelled out in Java from the dimensions' display order. */
    private Comparator<HazardItem> order(HazardSort sort, SortDirection direction) {
        Comparator<HazardItem> key =
                switch (sort) {
                    case FOUND_DATE -> nullsLast(HazardItem::foundDate, direction);
                    case DEADLINE -> nullsLast(HazardItem::deadline, direction);
                    case DAYS_OVERDUE -> nullsLast(HazardItem::daysOverdue, direction);
                    case SEVERITY -> nullsLast(item -> rank(Dimension.SEVERITY, item.severity()), direction);
                    case DISTRICT -> nullsLast(item -> rank(Dimension.DISTRICT, item.districtCode()), direction);
                    case SCHOOL -> nullsLast(HazardItem::schoolName, direction);
                };
        return key.thenComparing(HazardItem::schoolCode).thenComparing(HazardItem::hazardId);
    }

    private static <T extends Comparable<? super T>> Comparator<HazardItem> nullsLast(
            Function<HazardItem, T> value, SortDirection direction) {
        Comparator<T> natural = Comparator.naturalOrder();
        return Comparator.comparing(
                value, Comparator.nullsLast(direction == SortDirection.ASC ? natural : natural.reversed()));
    }

    private Integer rank(Dimension dimension, String code) {
        List<Member> members = figures.snapshot().model().members(dimension);
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).code().equals(code)) {
                return i;
            }
        }
        return null;
    }
}
