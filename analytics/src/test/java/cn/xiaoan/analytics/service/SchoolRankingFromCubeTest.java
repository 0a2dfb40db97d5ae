package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.serving.ModelSnapshot;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The riskiest-schools ranking read from each school's precomputed state (model/school_asof_cube.sql) is the ranking
 * read from every hazard: same schools, counts, points and order, at random as-of dates, filters and scopes.
 */
class SchoolRankingFromCubeTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path root;

    private static FigureService figures;
    private static SchoolProfileService schools;

    @BeforeAll
    static void buildModel() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root, 60, 4_000, 13);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        schools = new SchoolProfileService(figures, new HazardListService(figures));
    }

    @AfterAll
    static void close() {
        figures.close();
    }

    @Test
    void theRankingFromEachSchoolsStateIsTheRankingFromEveryHazard() {
        ModelSnapshot snapshot = figures.snapshot();
        var random = new SplittableRandom(21);
        LocalDate first = LocalDate.parse("2023-06-01");
        LocalDate last = LocalDate.parse("2027-03-31");
        int nonEmpty = 0;
        for (int i = 0; i < 40; i++) {
            Optional<LocalDate> asOf =
                    Optional.of(first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay())));
            Map<Dimension, Set<String>> filters =
                    switch (random.nextInt(5)) {
                        case 0 -> Map.of(Dimension.SEVERITY, Set.of("MAJOR"));
                        case 1 -> Map.of(Dimension.DISTRICT, Set.of("140902", "140921"));
                        case 2 -> Map.of(Dimension.SCHOOL_TYPE, Set.of("PRIMARY"), Dimension.BOARDING, Set.of("N"));
                        case 3 -> Map.of(Dimension.BOARDING, Set.of("Y"));
                        default -> Map.of();
                    };
            DistrictScope scope = random.nextInt(4) == 0 ? DistrictScope.of(Set.of("140902")) : DistrictScope.city();
            int limit = random.nextBoolean() ? 10 : 200;
            List<SchoolRisk> fromHazards = schools.riskiest(snapshot, asOf, filters, limit, scope, false);
            List<SchoolRisk> fromCube = schools.riskiest(snapshot, asOf, filters, limit, scope, true);
            assertThat(fromCube).as(asOf + " " + filters + " " + scope).isEqualTo(fromHazards);
            if (!fromHazards.isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("rankings with schools in them").isGreaterThan(20);
    }
}
