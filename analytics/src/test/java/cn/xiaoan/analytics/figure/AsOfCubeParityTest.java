package cn.xiaoan.analytics.figure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.FigureFixture;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
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
 * The as-of cube ({@code model/hazard_asof_cube.sql}) gives every figure it answers exactly as every hazard does, at
 * any as-of date and period: random questions over generated data, and every day of the hand-made edge cases of
 * {@link FigureFixture} (a deadline on the as-of date, a hazard rectified after it, sign-off).
 */
class AsOfCubeParityTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final List<Dimension> CUBE_DIMENSIONS =
            List.of(Dimension.DISTRICT, Dimension.CATEGORY, Dimension.SEVERITY);

    /** Every date written in {@link FigureFixture} (found, deadline, rectified, closed, report dates). */
    private static final List<String> FIXTURE_DATES = List.of(
            "2023-11-10",
            "2024-02-01",
            "2024-02-20",
            "2024-03-01",
            "2024-03-31",
            "2025-10-01",
            "2025-12-20",
            "2026-01-05",
            "2026-01-10",
            "2026-01-15",
            "2026-01-20",
            "2026-02-01",
            "2026-02-10",
            "2026-02-15",
            "2026-03-01",
            "2026-03-03",
            "2026-03-05",
            "2026-03-10",
            "2026-03-20",
            "2026-03-31",
            "2026-04-01",
            "2026-04-10",
            "2026-05-01",
            "2026-05-05",
            "2026-06-20",
            "2026-06-30",
            "2026-07-01",
            "2026-07-02",
            "2026-07-05",
            "2026-07-10",
            "2026-07-20",
            "2026-07-31",
            "2026-08-01",
            "2026-09-01",
            "2026-09-30");

    @TempDir
    static Path root;

    private static FigureService generated;
    private static Warehouse generatedWarehouse;
    private static FigureService edges;

    @BeforeAll
    static void buildModels() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 60, 4_000, 11);
        generatedWarehouse = warehouse;
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        generated = new FigureService(warehouse, REFERENCE, CLOCK);
        var fixture = new Warehouse(root.resolve("edges"));
        FigureFixture.write(fixture);
        new ModelBuilder(fixture, REFERENCE, CLOCK).build();
        edges = new FigureService(fixture, REFERENCE, CLOCK);
    }

    @AfterAll
    static void close() {
        generated.close();
        edges.close();
    }

    @Test
    void theAsOfCubeAnswersRandomQuestionsAtAnyDateAsEveryHazardDoes() {
        var random = new SplittableRandom(21);
        LocalDate first = LocalDate.parse("2023-06-01");
        LocalDate last = LocalDate.parse("2027-03-31");
        int compared = 0;
        for (int i = 0; i < 30; i++) {
            LocalDate asOf = first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay()));
            LocalDate from = asOf.minusDays(random.nextLong(0, 800));
            // periods ending before, on and (rarely) after the as-of date
            LocalDate to = random.nextInt(4) == 0
                    ? asOf.plusDays(random.nextLong(0, 40))
                    : asOf.minusDays(random.nextLong(0, 1 + asOf.toEpochDay() - from.toEpochDay()));
            var by = new ArrayList<Dimension>();
            for (Dimension dimension : CUBE_DIMENSIONS) {
                if (random.nextInt(3) == 0) {
                    by.add(dimension);
                }
            }
            Map<Dimension, Set<String>> filters =
                    switch (random.nextInt(4)) {
                        case 0 -> Map.of(Dimension.SEVERITY, Set.of("MAJOR"));
                        case 1 -> Map.of(Dimension.DISTRICT, Set.of("140902", "140921"));
                        case 2 -> Map.of(Dimension.CATEGORY, Set.of("FIRE"));
                        default -> Map.of();
                    };
            var question = new Question(Optional.of(new Period(from, to)), Optional.of(asOf), by, filters);
            assertSameAnswers(generated, question);
            compared++;
        }
        assertThat(compared).isEqualTo(30);
    }

    @Test
    void theAsOfCubeAnswersTheEdgeCasesOnEveryDayADateChanges() {
        // every date of the fixture and the day after (a deadline makes a hazard overdue the next day), alternately
        // in total over the year to date and by district over March
        boolean byDistrict = false;
        for (String date : FIXTURE_DATES) {
            for (LocalDate day = LocalDate.parse(date);
                    !day.isAfter(LocalDate.parse(date).plusDays(1));
                    day = day.plusDays(1)) {
                assertSameAnswers(
                        edges,
                        byDistrict
                                ? new Question(
                                        Optional.of(new Period(
                                                LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"))),
                                        Optional.of(day),
                                        List.of(Dimension.DISTRICT),
                                        Map.of())
                                : new Question(
                                        Optional.of(new Period(day.withDayOfYear(1), day)),
                                        Optional.of(day),
                                        List.of(),
                                        Map.of()));
                byDistrict = !byDistrict;
            }
        }
    }

    @Test
    void stocksAndFoundAtAnyDateAreReadFromTheAsOfCube() {
        var question = new Question(
                Optional.of(new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-15"))),
                Optional.of(LocalDate.parse("2026-06-15")),
                List.of(Dimension.DISTRICT, Dimension.CATEGORY),
                Map.of());
        var snapshot = generated.snapshot();
        assertThat(generated
                        .figures(snapshot, question, Set.of(Figure.OPEN, Figure.RISK_INDEX))
                        .source())
                .isEqualTo(FactSource.HAZARD_ASOF_CUBE);
        assertThat(generated
                        .figures(snapshot, question, Set.of(Figure.RECTIFICATION_RATE))
                        .source())
                .as("found in P and rectified by D pairs two dates: every hazard")
                .isEqualTo(FactSource.HAZARD_FACTS);
        assertThat(generated
                        .figures(snapshot, question.by(List.of(Dimension.SCHOOL_TYPE)), Set.of(Figure.OPEN))
                        .source())
                .as("the cube has no school type")
                .isEqualTo(FactSource.HAZARD_FACTS);
        assertThat(generated
                        .figures(snapshot, question.by(List.of(Dimension.MONTH)), Set.of(Figure.OPEN))
                        .source())
                .as("nor a found month")
                .isEqualTo(FactSource.HAZARD_FACTS);
    }

    @Test
    void aDateReadsExactlyOneRowPerCellOfItsDay() throws SQLException {
        Path cube = ModelFiles.location(
                generatedWarehouse.model(
                        PublishedModel.currentVersion(generatedWarehouse).orElseThrow()),
                ModelTable.HAZARD_ASOF_CUBE);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW cube AS SELECT * FROM read_parquet("
                    + SqlTemplate.quote(ModelFiles.duckDbSource(cube)) + ")");
            long cells = single(
                    statement,
                    "SELECT COUNT(*) FROM (SELECT DISTINCT district_code, category, severity" + " FROM cube)");
            long days = single(statement, "SELECT COUNT(DISTINCT valid_from) FROM cube");
            assertThat(single(statement, "SELECT COUNT(*) FROM cube"))
                    .as("cells × days, whatever the number of hazards")
                    .isEqualTo(cells * days);
            assertThat(single(
                            statement,
                            "SELECT COUNT(*) FROM cube WHERE valid_to <> valid_from + 1"
                                    + " AND valid_from < (SELECT MAX(valid_from) FROM cube)"))
                    .as("every row but the last day's holds for its own day only")
                    .isZero();
            for (String date : List.of("2023-06-01", "2024-02-29", "2025-07-15", "2026-06-30", "2031-01-01")) {
                assertThat(single(
                                statement,
                                "SELECT COUNT(*) FROM cube WHERE valid_from <= DATE '" + date + "' AND DATE '" + date
                                        + "' < valid_to"))
                        .as(date)
                        .isIn(0L, cells);
            }
            assertThat(single(
                            statement,
                            "SELECT COUNT(*) FROM cube WHERE valid_from <= DATE '2031-01-01'"
                                    + " AND DATE '2031-01-01' < valid_to"))
                    .as("a date after the last event reads the last day's rows")
                    .isEqualTo(cells);
        }
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void assertSameAnswers(FigureService figures, Question question) {
        List<FigureRow> facts =
                figures.figures(question, FactSource.HAZARD_FACTS).rows();
        List<FigureRow> cube =
                figures.figures(question, FactSource.HAZARD_ASOF_CUBE).rows();
        assertThat(cube).as(question.toString()).isEqualTo(answeredByTheCube(facts));
        assertThat(cube).isNotEmpty();
    }

    /** The facts' rows with the figures the cube does not answer left out (null), as the cube's rows have them. */
    private static List<FigureRow> answeredByTheCube(List<FigureRow> rows) {
        Set<Figure> answered = EnumSet.copyOf(FactSource.ASOF_FIGURES);
        var kept = new ArrayList<FigureRow>();
        for (FigureRow row : rows) {
            var values = new ArrayList<Double>();
            for (Figure figure : Figure.values()) {
                values.add(answered.contains(figure) ? row.value(figure) : null);
            }
            kept.add(new FigureRow(row.keys(), values));
        }
        return kept;
    }
}
