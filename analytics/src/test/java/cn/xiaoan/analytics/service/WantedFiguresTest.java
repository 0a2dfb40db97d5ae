package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FactSource;
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
import java.util.ArrayList;
import java.util.EnumSet;
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
 * A question asking for some figures computes those alone (the SQL of the others left out) and gets exactly the
 * values the question asking for every figure gets; the others are null.
 */
class WantedFiguresTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final List<List<Dimension>> BREAKDOWNS = List.of(
            List.of(),
            List.of(Dimension.DISTRICT),
            List.of(Dimension.SCHOOL_TYPE, Dimension.SEVERITY),
            List.of(Dimension.MONTH),
            List.of(Dimension.BOARDING, Dimension.CATEGORY));

    @TempDir
    static Path root;

    private static FigureService figures;

    @BeforeAll
    static void buildModel() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 40, 3_000, 5);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
    }

    @AfterAll
    static void close() {
        figures.close();
    }

    @Test
    void wantedFiguresHaveTheValuesOfTheFullAnswerAndTheOthersAreNull() {
        var random = new SplittableRandom(3);
        Figure[] all = Figure.values();
        for (int i = 0; i < 24; i++) {
            LocalDate asOf = LocalDate.parse("2024-01-01").plusDays(random.nextInt(1_000));
            var question = new Question(
                    Optional.of(new Period(asOf.minusDays(random.nextInt(400)), asOf)),
                    Optional.of(asOf),
                    BREAKDOWNS.get(i % BREAKDOWNS.size()),
                    i % 3 == 0 ? Map.of(Dimension.SEVERITY, Set.of("MAJOR")) : Map.of());
            Set<Figure> wanted = EnumSet.noneOf(Figure.class);
            int count = 1 + random.nextInt(4);
            while (wanted.size() < count) {
                wanted.add(all[random.nextInt(all.length)]);
            }
            FigureTable full = figures.figures(question, FactSource.HAZARD_FACTS);
            FigureTable some = figures.figures(figures.snapshot(), question, wanted);
            assertThat(some.rows()).as(question + " " + wanted).isEqualTo(keeping(full.rows(), some.source(), wanted));
        }
    }

    @Test
    void aFigureAskedAloneIsComputedAloneAndCachedApartFromTheFullAnswer() {
        var question = new Question(
                Optional.of(new Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-06-30"))),
                Optional.of(LocalDate.parse("2025-06-30")),
                List.of(Dimension.DISTRICT),
                Map.of());
        FigureTable rate = figures.figures(figures.snapshot(), question, Set.of(Figure.ON_TIME_RATE));
        FigureTable full = figures.figures(figures.snapshot(), question);
        assertThat(rate.rows())
                .allSatisfy(row -> assertThat(row.value(Figure.FOUND)).isNull());
        assertThat(full.rows())
                .allSatisfy(row -> assertThat(row.value(Figure.FOUND)).isNotNull());
        assertThat(rate.rows()).isEqualTo(keeping(full.rows(), rate.source(), Set.of(Figure.ON_TIME_RATE)));
    }

    /** The rows with only the wanted figures (those the source answers) kept, the others null. */
    private static List<FigureRow> keeping(List<FigureRow> rows, FactSource source, Set<Figure> wanted) {
        var kept = new ArrayList<FigureRow>();
        for (FigureRow row : rows) {
            var values = new ArrayList<Double>();
            for (Figure figure : Figure.values()) {
                values.add(wanted.contains(figure) && source.answers(figure) ? row.value(figure) : null);
            }
            kept.add(new FigureRow(row.keys(), values));
        }
        return kept;
    }
}
