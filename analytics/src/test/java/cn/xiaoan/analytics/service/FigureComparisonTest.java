package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import cn.xiaoan.analytics.serving.RequestTimings;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FigureComparisonTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path root;

    private FigureService figures;
    private FigureComparison comparison;

    @BeforeAll
    void buildModel() {
        var warehouse = new Warehouse(root);
        ReferenceGridFixture.write(new RawWarehouseFixture(warehouse), REFERENCE);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        comparison = new FigureComparison(figures);
    }

    @AfterAll
    void close() {
        figures.close();
    }

    @Test
    void everyFigureChangesByCurrentMinusPreviousInOneStatement() {
        List<Figure> all = List.of(Figure.values());
        FigureRow current = row(all, i -> 100.5 + i * 3.25);
        FigureRow previous = row(all, i -> i % 4 == 0 ? null : 0.1 * i);

        RequestTimings timings = RequestTimings.begin();
        List<FigureChange> changes;
        try {
            changes = comparison.changes(all, current, previous);
        } finally {
            RequestTimings.end();
        }

        assertThat(timings.statements()).isEqualTo(1);
        assertThat(changes).extracting(FigureChange::figure).containsExactlyElementsOf(all);
        for (int i = 0; i < all.size(); i++) {
            FigureChange change = changes.get(i);
            assertThat(change.current()).isEqualTo(100.5 + i * 3.25);
            if (i % 4 == 0) {
                assertThat(change.previous()).isNull();
                assertThat(change.change())
                        .as("no change from an undefined value")
                        .isNull();
            } else {
                assertThat(change.previous()).isEqualTo(0.1 * i);
                assertThat(change.change()).isEqualTo((100.5 + i * 3.25) - 0.1 * i);
            }
        }
    }

    @Test
    void oneFigureGivesTheSameChangeAsInAListAndNoEarlierPeriodGivesNoChangeWithoutAStatement() {
        List<Figure> all = List.of(Figure.values());
        FigureRow current = row(all, i -> 10.0 * i);
        FigureRow previous = row(all, i -> 3.0 * i + 1);

        assertThat(comparison.change(Figure.OPEN, current, previous))
                .isEqualTo(comparison.changes(all, current, previous).get(all.indexOf(Figure.OPEN)));
        RequestTimings timings = RequestTimings.begin();
        try {
            assertThat(comparison.changes(all, current, null))
                    .allSatisfy(change -> assertThat(change.change()).isNull());
        } finally {
            RequestTimings.end();
        }
        assertThat(timings.statements()).isZero();
    }

    private interface Value {
        Double of(int index);
    }

    /** A city-total row holding {@code value.of(i)} for the i-th figure of the registry. */
    private static FigureRow row(List<Figure> figures, Value value) {
        var values = new ArrayList<Double>(Arrays.asList(new Double[Figure.values().length]));
        for (int i = 0; i < figures.size(); i++) {
            values.set(figures.get(i).ordinal(), value.of(i));
        }
        return new FigureRow(List.of(), values);
    }
}
