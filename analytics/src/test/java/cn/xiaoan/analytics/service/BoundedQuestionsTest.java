package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.QuestionSize;
import cn.xiaoan.analytics.figure.QuestionTooLargeException;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.analytics.serving.ServingDatabase;
import cn.xiaoan.analytics.serving.ServingLimits;
import cn.xiaoan.analytics.serving.ServingModel;
import cn.xiaoan.analytics.serving.ServingQueryTimeoutException;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

/** Questions are sized before they run, slow statements are cancelled, and the serving DuckDB is limited. */
class BoundedQuestionsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final List<Dimension> EVERY_DIMENSION = List.of(
            Dimension.DISTRICT,
            Dimension.SCHOOL_TYPE,
            Dimension.BOARDING,
            Dimension.CATEGORY,
            Dimension.SEVERITY,
            Dimension.INSPECTION_TYPE);

    private static final long FIGURES = Figure.values().length;

    @TempDir
    Path root;

    private Warehouse warehouse;
    private FigureService figures;

    @BeforeEach
    void buildModel() {
        warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(
                warehouse, REFERENCE, CLOCK, ServingLimits.defaults().withQueryTimeout(Duration.ofSeconds(3)));
    }

    @AfterEach
    void closeService() {
        figures.close();
    }

    @Test
    void refusesATrendOfEveryDimensionOverTwentyYearsBeforeRunningIt() {
        var request = new TrendRequest(
                TimeGrain.MONTH,
                Optional.of(new Period(LocalDate.parse("2007-01-01"), LocalDate.parse("2026-10-31"))),
                Optional.empty(),
                EVERY_DIMENSION,
                Map.of());
        long started = System.nanoTime();

        assertThatThrownBy(() -> new TrendService(figures).trend(request))
                .isInstanceOf(QuestionTooLargeException.class)
                .hasMessageContaining("238 months")
                .hasMessageContaining(FIGURES + " figures")
                .hasMessageContaining("budget of 100,000")
                .hasMessageContaining("break down by fewer dimensions, add a filter, shorten the range")
                .hasMessageContaining("请减少分组维度")
                .satisfies(e -> assertThat(((QuestionTooLargeException) e).cells())
                        .isEqualTo(members(EVERY_DIMENSION) * FIGURES * 238));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void refusesABreakdownByEveryDimensionButAnswersItFiltered() {
        Question everything = Question.total().by(EVERY_DIMENSION);
        assertThat(members(EVERY_DIMENSION) * FIGURES).isGreaterThan(100_000);
        assertThatThrownBy(() -> figures.figures(everything)).isInstanceOf(QuestionTooLargeException.class);

        // one district and one category bring it within the budget
        FigureTable narrowed = figures.figures(
                everything.filtered(Dimension.DISTRICT, Set.of("140902")).filtered(Dimension.CATEGORY, Set.of("FIRE")));
        assertThat(narrowed.rows()).isNotEmpty();
    }

    @Test
    void countsTheMonthsOfTheRangeForATimeBreakdown() {
        ModelSnapshot snapshot = figures.snapshot();
        QuestionSize size = figures.size(
                snapshot,
                new Question(
                                Optional.of(new Period(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-03-01"))),
                                Optional.empty(),
                                List.of(Dimension.MONTH, Dimension.DISTRICT),
                                Map.of(Dimension.DISTRICT, Set.of("140902", "140921")))
                        .resolve(snapshot));
        assertThat(size.cells()).isEqualTo(3 * 2 * FIGURES);
    }

    @Test
    void cancelsAStatementAtItsTimeLimitAndKeepsServing() {
        ServingModel model = figures.snapshot().model();
        SqlTemplate slow = SqlTemplate.of(
                "deliberately slow", "SELECT sum(a.range * b.range) AS total FROM range(300000) a, range(300000) b");
        long started = System.nanoTime();

        assertThatThrownBy(() -> figures.select(model, slow, Map.of(), result -> result.getLong(1)))
                .isInstanceOf(ServingQueryTimeoutException.class)
                .hasMessageContaining("cancelled after 3000 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) {
            assertThat(figures.figures(Question.total()).rows()).hasSize(1);
        }
    }

    @Test
    void limitsTheServingDatabasesMemoryAndSpillsIntoTheWarehouse() throws Exception {
        Path spill = root.resolve("tmp").resolve("serving");
        try (var database = new ServingDatabase("512MB", spill)) {
            assertThat(database.setting("memory_limit")).isEqualTo("488.2 MiB");
            assertThat(database.setting("temp_directory")).isEqualTo(spill.toString());
        }
    }

    @Test
    void aCancelledConnectionAnswersItsNextStatement() throws Exception {
        // DuckDB closes the interrupted statement; the connection itself stays usable
        try (var database = new ServingDatabase("512MB", root.resolve("spill"));
                var connection = database.connect("main");
                var statement = connection.createStatement()) {
            var cancel = new Thread(() -> {
                try {
                    Thread.sleep(200);
                    statement.cancel();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            cancel.start();
            assertThatThrownBy(() -> statement.executeQuery(
                            "SELECT sum(a.range * b.range) FROM range(300000) a, range(300000) b"))
                    .isInstanceOf(java.sql.SQLException.class);
            cancel.join();
            try (var next = connection.createStatement();
                    var result = next.executeQuery("SELECT 42")) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(42);
            }
        }
    }

    private long members(List<Dimension> dimensions) {
        long product = 1;
        for (Dimension dimension : dimensions) {
            product *= figures.members(dimension).size();
        }
        return product;
    }
}
