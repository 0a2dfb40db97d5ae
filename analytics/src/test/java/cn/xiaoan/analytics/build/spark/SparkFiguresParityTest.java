package cn.xiaoan.analytics.build.spark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FactSource;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.fixture.FigureFixture;
import cn.xiaoan.analytics.fixture.SharedSpark;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.SchoolMoveRequest;
import cn.xiaoan.ingest.SchoolMoves;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB and Spark compute every figure identically: each engine builds the model and answers the same questions
 * from its own build, over generated data and over the hand-made edge cases of {@link FigureFixture} (a deadline on
 * the as-of date, a hazard rectified after it, empty denominators, no schools in a district).
 */
class SparkFiguresParityTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void bothEnginesGiveTheSameFiguresOnGeneratedData() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 60, 3_000, 5);
        // Two schools moved between districts mid-2025 and mid-2026: figures by district split their hazards.
        var moves = new SchoolMoves(warehouse, REFERENCE, CLOCK);
        moveOneSchool(warehouse, moves, "2025-07-01", 0);
        moveOneSchool(warehouse, moves, "2026-03-15", 1);
        assertSameAnswers(
                warehouse,
                List.of(
                        question("2026-01-01", "2026-10-31", "2026-10-31", List.of(), Map.of()),
                        question(
                                "2026-01-01",
                                "2026-10-15",
                                "2026-10-15",
                                List.of(Dimension.DISTRICT, Dimension.CATEGORY),
                                Map.of()),
                        question(
                                "2025-01-01",
                                "2025-12-31",
                                "2025-12-31",
                                List.of(Dimension.SCHOOL_TYPE, Dimension.MONTH),
                                Map.of()),
                        question(
                                "2024-01-01",
                                "2026-10-31",
                                "2026-06-30",
                                List.of(Dimension.BOARDING, Dimension.SEVERITY, Dimension.YEAR),
                                Map.of(Dimension.INSPECTION_TYPE, Set.of("SELF", "SUPERVISION")))));
    }

    @Test
    void bothEnginesGiveTheSameFiguresOnTheEdgeCases() {
        var warehouse = new Warehouse(root.resolve("edges"));
        FigureFixture.write(warehouse);
        assertSameAnswers(
                warehouse,
                List.of(
                        question("2026-01-01", "2026-06-30", "2026-06-30", List.of(), Map.of()),
                        question("2026-01-01", "2026-06-30", "2026-06-30", List.of(Dimension.DISTRICT), Map.of()),
                        question("2026-01-01", "2026-06-15", "2026-06-15", List.of(Dimension.MONTH), Map.of()),
                        question(
                                "2026-01-01",
                                "2026-03-31",
                                "2026-06-30",
                                List.of(Dimension.DISTRICT, Dimension.SCHOOL_TYPE),
                                Map.of(Dimension.SEVERITY, Set.of("MAJOR")))));
    }

    /** Moves the {@code index}-th registered school (by code) to another district from {@code effective}. */
    private static void moveOneSchool(Warehouse warehouse, SchoolMoves moves, String effective, int index) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT school_code FROM read_parquet("
                        + SqlTemplate.quote(warehouse.raw(cn.xiaoan.domain.Dataset.SCHOOLS) + "/*/*.parquet")
                        + ") ORDER BY 1 LIMIT 1 OFFSET " + index)) {
            rows.next();
            String school = rows.getString(1);
            String from = moves.ownership(school).orElseThrow().currentDistrict();
            moves.move(new SchoolMoveRequest(
                    school,
                    from.equals("140902") ? "140921" : "140902",
                    "parity",
                    Optional.of(LocalDate.parse(effective)),
                    "test"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSameAnswers(Warehouse warehouse, List<Question> questions) {
        ModelVersion duckDbBuild = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        ModelVersion sparkBuild =
                new ModelBuilder(warehouse, REFERENCE, CLOCK, SparkBuildEngine.choiceIn(SharedSpark.session())).build();
        // FigureService serves the latest version: the Spark build; DuckDB answers from its own build below.
        var spark = new SparkFigures(SharedSpark.session(), warehouse, duckDbBuild.version());
        try (var duckDb = new FigureService(warehouse, REFERENCE, CLOCK)) {
            assertThat(duckDb.modelVersion()).contains(sparkBuild);
            for (Question question : questions) {
                for (FactSource source : FactSource.values()) {
                    if (!source.holds(question.mentioned())
                            || (source != FactSource.HAZARD_FACTS
                                    && source.answersEveryFigure()
                                    && !FactSource.answersExactly(
                                            question.period().orElseThrow(),
                                            question.asOf().orElseThrow()))) {
                        continue;
                    }
                    List<FigureRow> bySpark = spark.rows(question, source);
                    List<FigureRow> byDuckDb = duckDb.figures(question, source).rows();
                    assertThat(bySpark).as(source + " " + question).isEqualTo(byDuckDb);
                    assertThat(bySpark).isNotEmpty();
                }
            }
        }
    }

    private static Question question(
            String from, String to, String asOf, List<Dimension> by, Map<Dimension, Set<String>> filters) {
        return new Question(
                Optional.of(new Period(LocalDate.parse(from), LocalDate.parse(to))),
                Optional.of(LocalDate.parse(asOf)),
                by,
                filters);
    }
}
