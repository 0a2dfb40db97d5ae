package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The school page reads its counts and its months from one statement over the school's hazards: on generated data,
 * for several schools and as-of dates, each count equals the total of the hazard list it stands for, and each month
 * of the history equals the lists of that found month.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolPageCountsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final List<LocalDate> AS_OF = List.of(LocalDate.parse("2025-03-15"), LocalDate.parse("2026-10-31"));

    @TempDir
    static Path root;

    private FigureService figures;
    private HazardListService hazards;
    private SchoolProfileService schools;

    @BeforeAll
    void buildModel() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 8, 500, 5);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        hazards = new HazardListService(figures);
        schools = new SchoolProfileService(figures, hazards);
    }

    @AfterAll
    void closeService() {
        figures.close();
    }

    @Test
    void countsAndMonthsEqualTheSchoolsHazardLists() {
        List<String> codes =
                hazards
                        .first(HazardQuery.in(HazardState.ALL), DistrictScope.city(), HazardQuery.MAX_SIZE)
                        .items()
                        .stream()
                        .map(HazardItem::schoolCode)
                        .distinct()
                        .limit(3)
                        .toList();
        assertThat(codes).hasSize(3);
        for (String code : codes) {
            for (LocalDate asOf : AS_OF) {
                SchoolProfile profile = schools.profile(code, Optional.of(asOf), DistrictScope.city());
                HazardQuery ofSchool =
                        HazardQuery.in(HazardState.ALL).ofSchools(Set.of(code)).at(Period.yearTo(asOf), asOf);
                assertThat(profile.counts())
                        .as("%s at %s", code, asOf)
                        .isEqualTo(new SchoolProfile.Counts(
                                total(ofSchool.inState(HazardState.FOUND)),
                                total(ofSchool.inState(HazardState.OPEN)),
                                total(ofSchool.inState(HazardState.OVERDUE)),
                                total(ofSchool.inState(HazardState.MAJOR_OPEN))));
                assertThat(profile.openItems().total())
                        .isEqualTo(profile.counts().open());

                for (SchoolProfile.Month month : profile.history()) {
                    YearMonth found = YearMonth.parse(month.month());
                    Period ofMonth = new Period(found.atDay(1), found.atEndOfMonth());
                    HazardQuery inMonth = HazardQuery.in(HazardState.FOUND)
                            .ofSchools(Set.of(code))
                            .at(ofMonth, asOf);
                    long foundByD = found.atDay(1).isAfter(asOf)
                            ? 0
                            : total(inMonth.at(new Period(ofMonth.from(), min(ofMonth.to(), asOf)), asOf));
                    assertThat(month)
                            .as("%s at %s", code, asOf)
                            .isEqualTo(new SchoolProfile.Month(
                                    month.month(),
                                    foundByD,
                                    foundByD == 0
                                            ? 0
                                            : total(inMonth.inState(HazardState.MAJOR_FOUND)
                                                    .at(new Period(ofMonth.from(), min(ofMonth.to(), asOf)), asOf)),
                                    total(HazardQuery.in(HazardState.OPEN)
                                            .ofSchools(Set.of(code))
                                            .at(Period.yearTo(asOf), asOf)
                                            .filtered(Dimension.MONTH, Set.of(month.month())))));
                }
            }
        }
    }

    private long total(HazardQuery query) {
        return hazards.list(query.page(1, 1), DistrictScope.city()).total();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
