package cn.xiaoan.analytics.figure;

import static cn.xiaoan.analytics.figure.Figure.CLOSED;
import static cn.xiaoan.analytics.figure.Figure.CLOSURE_RATE;
import static cn.xiaoan.analytics.figure.Figure.DAYS_TO_CLOSE;
import static cn.xiaoan.analytics.figure.Figure.DAYS_TO_RECTIFY;
import static cn.xiaoan.analytics.figure.Figure.DRILL_COMPLIANCE;
import static cn.xiaoan.analytics.figure.Figure.DUE_ON_TIME_RATE;
import static cn.xiaoan.analytics.figure.Figure.FOUND;
import static cn.xiaoan.analytics.figure.Figure.LEGACY_MAJOR_OPEN;
import static cn.xiaoan.analytics.figure.Figure.MAJOR_FOUND;
import static cn.xiaoan.analytics.figure.Figure.MAJOR_OPEN;
import static cn.xiaoan.analytics.figure.Figure.ON_TIME_RATE;
import static cn.xiaoan.analytics.figure.Figure.OPEN;
import static cn.xiaoan.analytics.figure.Figure.OVERDUE;
import static cn.xiaoan.analytics.figure.Figure.RECTIFICATION_RATE;
import static cn.xiaoan.analytics.figure.Figure.RECTIFIED;
import static cn.xiaoan.analytics.figure.Figure.RECTIFIED_NOT_CLOSED;
import static cn.xiaoan.analytics.figure.Figure.RISK_INDEX;
import static cn.xiaoan.analytics.figure.Figure.SELF_FOUND_SHARE;
import static cn.xiaoan.analytics.figure.Figure.SIX_100_ANTI_RAM_BARRIERS;
import static cn.xiaoan.analytics.figure.Figure.SIX_100_CLOSED_MANAGEMENT;
import static cn.xiaoan.analytics.figure.Figure.SIX_100_FULL_TIME_GUARDS;
import static cn.xiaoan.analytics.figure.Figure.SIX_100_ONE_KEY_ALARM;
import static cn.xiaoan.analytics.figure.Figure.SIX_100_SCHOOL_GUARD_POST;
import static cn.xiaoan.analytics.figure.Figure.SIX_100_VIDEO_POLICE_LINK;
import static cn.xiaoan.analytics.figure.Figure.STOCK_FLOW_CLOSING;
import static cn.xiaoan.analytics.figure.Figure.STOCK_FLOW_NEW;
import static cn.xiaoan.analytics.figure.Figure.STOCK_FLOW_OPENING;
import static cn.xiaoan.analytics.figure.Figure.STOCK_FLOW_RESOLVED;
import static cn.xiaoan.analytics.figure.Figure.SUPERVISION_COVERAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.FigureFixture;
import cn.xiaoan.analytics.service.FigureService;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure of docs/FIGURES.md on {@link FigureFixture}, worked out by hand; the arithmetic is in the comments. */
public class FigureDefinitionsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final String XINFU = "140902";
    private static final String DINGXIANG = "140921";
    private static final Period H1_2026 = period("2026-01-01", "2026-06-30");
    private static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");

    @TempDir
    static Path root;

    private static FigureService figures;

    @BeforeAll
    static void buildModel() {
        var warehouse = new Warehouse(root);
        FigureFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    @Test
    void countsAndRatesOfHazardsFoundInThePeriod() {
        FigureRow total = total(H1_2026, JUNE_30);
        // found in P: H2, H3, H4, H5, H6 (H7 found 2025, H8 after P, H1 and H9 long before)
        assertThat(total.value(FOUND)).isEqualTo(5.0);
        // MAJOR among them: H3, H6
        assertThat(total.value(MAJOR_FOUND)).isEqualTo(2.0);
        // rectified by D: H2 (02-10), H3 (04-10); H5 was rectified 07-05, after D
        assertThat(total.value(RECTIFIED)).isEqualTo(2.0);
        assertThat(total.value(RECTIFICATION_RATE)).isEqualTo(2.0 / 5);
        // deadline ≤ D: H2 (02-15), H3 (03-31), H4 (06-30 = D); H5's is 07-20, H6 has none.
        // on time: H2 only (H3 rectified 04-10 after 03-31, H4 not rectified) → 1 / 3
        assertThat(total.value(ON_TIME_RATE)).isCloseTo(1.0 / 3, within(1e-12));
        // H2 01-15 → 02-10 = 26 days, H3 03-01 → 04-10 = 40 days → (26 + 40) / 2
        assertThat(total.value(DAYS_TO_RECTIFY)).isEqualTo(33.0);
        // found by SELF: H3, H4, H6 → 3 / 5 (H2 and H5 by SUPERVISION)
        assertThat(total.value(SELF_FOUND_SHARE)).isEqualTo(3.0 / 5);
    }

    @Test
    void dueOnTimeRateJudgesEveryHazardFallingDueInThePeriodWheneverFound() {
        FigureRow total = total(H1_2026, JUNE_30);
        // deadline in P and ≤ D: H7 (found 2025-12-20, due 01-10), H2 (02-15), H3 (03-31), H4 (06-30 = D); H1 and H9
        // fell due in 2024, H5 after D, H6 has none. On time: H7 (01-05) and H2 (02-10) → 2 / 4, where on_time_rate,
        // which leaves out H7 (found before P), is 1 / 3
        assertThat(total.value(DUE_ON_TIME_RATE)).isEqualTo(2.0 / 4);
        // nothing falls due in a period without deadlines: undefined, not 0
        assertThat(total(period("2026-09-01", "2026-09-30"), LocalDate.parse("2026-09-30"))
                        .value(DUE_ON_TIME_RATE))
                .isNull();
    }

    @Test
    void stocksAtTheAsOfDate() {
        FigureRow total = total(H1_2026, JUNE_30);
        // open at D: H1 (2023, never rectified), H4, H5 (rectified 07-05 > D), H6 → 4; H8 is found after D
        assertThat(total.value(OPEN)).isEqualTo(4.0);
        // deadline < D: H1 only (H4's deadline is D itself, H5's after D, H6 has none)
        assertThat(total.value(OVERDUE)).isEqualTo(1.0);
        // MAJOR open: H1, H6; found before 2024-01-01: H1
        assertThat(total.value(MAJOR_OPEN)).isEqualTo(2.0);
        assertThat(total.value(LEGACY_MAJOR_OPEN)).isEqualTo(1.0);
        // H1 MAJOR overdue 5 × 2 = 10, H4 1, H5 1, H6 MAJOR 5 → 17 points over the city's 4 schools → 100 × 17 / 4
        assertThat(total.value(RISK_INDEX)).isEqualTo(425.0);
    }

    @Test
    void stockFlowBalances() {
        FigureRow total = total(H1_2026, JUNE_30);
        // open on 2025-12-31: H1, H7 (found 12-20, rectified 2026-01-05)
        assertThat(total.value(STOCK_FLOW_OPENING)).isEqualTo(2.0);
        assertThat(total.value(STOCK_FLOW_NEW)).isEqualTo(5.0);
        // rectified in P: H7 (01-05), H2 (02-10), H3 (04-10)
        assertThat(total.value(STOCK_FLOW_RESOLVED)).isEqualTo(3.0);
        // open on 06-30: H1, H4, H5, H6 → 2 + 5 − 3 = 4
        assertThat(total.value(STOCK_FLOW_CLOSING)).isEqualTo(4.0);
    }

    @Test
    void signOffCountsClosedAmongTheRectifiedAndTheRectifiedStillNotClosed() {
        FigureRow total = total(H1_2026, JUNE_30);
        // found in P and closed by D: H2 (closed 03-01); H3 was closed 07-10, after D; H7 was found before P
        assertThat(total.value(CLOSED)).isEqualTo(1.0);
        // over the rectified (H2, H3) → 1 / 2
        assertThat(total.value(CLOSURE_RATE)).isEqualTo(1.0 / 2);
        // rectified by D and not closed by D, whenever found: H3 (closed after D) and H9 (rectified 2024, never
        // closed); H2 and H7 are closed, H5 was rectified after D
        assertThat(total.value(RECTIFIED_NOT_CLOSED)).isEqualTo(2.0);
        // H2 rectified 02-10 → closed 03-01 = 19 days
        assertThat(total.value(DAYS_TO_CLOSE)).isEqualTo(19.0);

        // as of 2026-07-31 (still P = H1 2026): H3 is closed too, H5 rectified (07-05) → 2 / 3; (19 + 91) / 2 days;
        // H5 and H9 are rectified and not closed
        FigureRow later = total(H1_2026, LocalDate.parse("2026-07-31"));
        assertThat(later.value(CLOSED)).isEqualTo(2.0);
        assertThat(later.value(CLOSURE_RATE)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(later.value(RECTIFIED_NOT_CLOSED)).isEqualTo(2.0);
        assertThat(later.value(DAYS_TO_CLOSE)).isEqualTo(55.0);

        // nothing rectified in a period → the rate is undefined, not 0
        FigureRow none = total(new Period(LocalDate.parse("2026-05-01"), JUNE_30), JUNE_30);
        assertThat(none.value(CLOSED)).isEqualTo(0.0);
        assertThat(none.value(CLOSURE_RATE)).isNull();
        assertThat(none.value(DAYS_TO_CLOSE)).isNull();
    }

    @Test
    void schoolBasedFiguresOverTheRegister() {
        FigureRow total = total(H1_2026, JUNE_30);
        // SUPERVISION in P: hazards H2 (A1) and H5 (K1), visit A1 03-03; A2's visit is SELF, B1's is after P
        // → A1, K1 of 4 schools
        assertThat(total.value(SUPERVISION_COVERAGE)).isEqualTo(0.5);
        // teaching months in P: Mar–Jun (4); kindergarten quarters: Q1, Q2 (2)
        // A1 Mar, May → 2/4; A2 none → 0; B1 Apr, Jun (Jan is no teaching month) → 2/4; K1 Q1 → 1/2
        // → (0.5 + 0 + 0.5 + 0.5) / 4
        assertThat(total.value(DRILL_COMPLIANCE)).isEqualTo(0.375);
        // latest survey on or before D: A1 03-01 YYYYYY (09-01 is after D), A2 YNYNYN, B1 05-01 NNNNNN, K1 none
        assertThat(total.value(SIX_100_CLOSED_MANAGEMENT)).isEqualTo(2.0 / 4);
        assertThat(total.value(SIX_100_FULL_TIME_GUARDS)).isEqualTo(1.0 / 4);
        assertThat(total.value(SIX_100_ONE_KEY_ALARM)).isEqualTo(2.0 / 4);
        assertThat(total.value(SIX_100_VIDEO_POLICE_LINK)).isEqualTo(1.0 / 4);
        assertThat(total.value(SIX_100_SCHOOL_GUARD_POST)).isEqualTo(2.0 / 4);
        assertThat(total.value(SIX_100_ANTI_RAM_BARRIERS)).isEqualTo(1.0 / 4);
    }

    @Test
    void byDistrict() {
        FigureTable table = figures.figures(question(H1_2026, JUNE_30).by(List.of(Dimension.DISTRICT)));
        assertThat(table.rows()).hasSize(15);
        FigureRow xinfu = table.row(XINFU);
        // 忻府区 (A1, A2, K1): found H2, H3, H4, H5; rectified H2, H3 → 2 / 4
        assertThat(xinfu.value(FOUND)).isEqualTo(4.0);
        assertThat(xinfu.value(RECTIFICATION_RATE)).isEqualTo(0.5);
        // self: H3, H4 → 2 / 4
        assertThat(xinfu.value(SELF_FOUND_SHARE)).isEqualTo(0.5);
        // open H1 (10), H4 (1), H5 (1) over 3 schools → 100 × 12 / 3
        assertThat(xinfu.value(RISK_INDEX)).isEqualTo(400.0);
        // covered A1, K1 of 3; drills (0.5 + 0 + 0.5) / 3; closed management A1 Y, A2 Y, K1 none → 2 / 3
        assertThat(xinfu.value(SUPERVISION_COVERAGE)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(xinfu.value(DRILL_COMPLIANCE)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(xinfu.value(SIX_100_CLOSED_MANAGEMENT)).isCloseTo(2.0 / 3, within(1e-12));

        FigureRow dingxiang = table.row(DINGXIANG);
        // 定襄县 (B1): found H6 only, not rectified → 0 / 1, which is 0 %, not undefined
        assertThat(dingxiang.value(RECTIFICATION_RATE)).isEqualTo(0.0);
        // H6 has no deadline: nothing is due, so the on-time rate and the mean days are undefined
        assertThat(dingxiang.value(ON_TIME_RATE)).isNull();
        assertThat(dingxiang.value(DAYS_TO_RECTIFY)).isNull();
        // H6 MAJOR, not overdue → 100 × 5 / 1
        assertThat(dingxiang.value(RISK_INDEX)).isEqualTo(500.0);
        assertThat(dingxiang.value(SUPERVISION_COVERAGE)).isEqualTo(0.0);
        // opening H7, new H6, resolved H7, closing H6
        assertThat(List.of(
                        dingxiang.value(STOCK_FLOW_OPENING),
                        dingxiang.value(STOCK_FLOW_NEW),
                        dingxiang.value(STOCK_FLOW_RESOLVED),
                        dingxiang.value(STOCK_FLOW_CLOSING)))
                .containsExactly(1.0, 1.0, 1.0, 1.0);

        // 代县 has no schools: counts are 0, every rate over schools undefined
        FigureRow dai = table.row("140923");
        assertThat(dai.value(FOUND)).isEqualTo(0.0);
        assertThat(dai.value(RECTIFICATION_RATE)).isNull();
        assertThat(dai.value(RISK_INDEX)).isNull();
        assertThat(dai.value(SUPERVISION_COVERAGE)).isNull();
        assertThat(dai.value(DRILL_COMPLIANCE)).isNull();
        assertThat(dai.value(SIX_100_CLOSED_MANAGEMENT)).isNull();
    }

    @Test
    void byBoardingTheRiskIndexStillDividesByTheDistrictsSchools() {
        FigureTable table = figures.figures(question(H1_2026, JUNE_30).by(List.of(Dimension.BOARDING)));
        assertThat(table.rows()).extracting(row -> row.keys().get(0)).containsExactly("Y", "N");
        FigureRow boarding = table.row("Y");
        // A1: found H2; open H1
        assertThat(boarding.value(FOUND)).isEqualTo(1.0);
        assertThat(boarding.value(OPEN)).isEqualTo(1.0);
        // FIGURES.md narrows risk's denominator by district and school type only: 100 × 10 / 4 schools
        assertThat(boarding.value(RISK_INDEX)).isEqualTo(250.0);
        // but school-based shares are of the boarding schools: A1 is covered → 1 / 1
        assertThat(boarding.value(SUPERVISION_COVERAGE)).isEqualTo(1.0);
        // day schools A2, K1, B1: K1 covered → 1 / 3
        assertThat(table.row("N").value(SUPERVISION_COVERAGE)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void byMonthOfFoundDate() {
        FigureTable table = figures.figures(question(H1_2026, JUNE_30).by(List.of(Dimension.MONTH)));
        // a row for every month of P, in order
        assertThat(table.rows())
                .extracting(row -> row.keys().get(0))
                .containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(table.rows()).extracting(row -> row.value(FOUND)).containsExactly(1.0, 0.0, 1.0, 1.0, 1.0, 1.0);
        // nothing found in February: its rate is undefined
        assertThat(table.row("2026-02").value(RECTIFICATION_RATE)).isNull();
        // open at D by month found: April's H6 still open; H1 (2023-11) falls in no month of P
        assertThat(table.row("2026-04").value(OPEN)).isEqualTo(1.0);
        assertThat(table.rows().stream().mapToDouble(row -> row.value(OPEN)).sum())
                .isEqualTo(3.0);
        // coverage by month of the event: January H2 (A1), March visit (A1), June H5 (K1) → 1 / 4 each
        assertThat(table.rows())
                .extracting(row -> row.value(SUPERVISION_COVERAGE))
                .containsExactly(0.25, 0.0, 0.25, 0.0, 0.0, 0.25);
        // March: A1 drilled, A2 and B1 did not, K1's unit is Q1 in which it drilled → (1 + 0 + 0 + 1) / 4
        assertThat(table.row("2026-03").value(DRILL_COMPLIANCE)).isEqualTo(0.5);
        // January is no teaching month: only K1's Q1 is judged → 1 / 1
        assertThat(table.row("2026-01").value(DRILL_COMPLIANCE)).isEqualTo(1.0);
        // the six 100% indicators are a state at D, not a flow by month
        assertThat(table.row("2026-03").value(SIX_100_CLOSED_MANAGEMENT)).isNull();
    }

    @Test
    void byQuarterAndYear() {
        FigureTable quarters = figures.figures(question(H1_2026, JUNE_30).by(List.of(Dimension.QUARTER)));
        // Q1: H2, H3; Q2: H4, H5, H6
        assertThat(quarters.rows()).extracting(row -> row.keys().get(0)).containsExactly("2026-Q1", "2026-Q2");
        assertThat(quarters.rows()).extracting(row -> row.value(FOUND)).containsExactly(2.0, 3.0);
        FigureTable years = figures.figures(
                question(period("2025-07-01", "2026-06-30"), JUNE_30).by(List.of(Dimension.YEAR)));
        // 2025: H7; 2026: the five of H1 2026
        assertThat(years.rows()).extracting(row -> row.value(FOUND)).containsExactly(1.0, 5.0);
    }

    @Test
    void filtersNarrowHazardsAndSchools() {
        FigureRow major = figures.figures(question(H1_2026, JUNE_30).filtered(Dimension.SEVERITY, Set.of("major")))
                .total();
        // MAJOR found: H3, H6; rectified H3 → 1 / 2
        assertThat(major.value(FOUND)).isEqualTo(2.0);
        assertThat(major.value(RECTIFICATION_RATE)).isEqualTo(0.5);
        // open MAJOR H1 (10) and H6 (5) over the city's 4 schools
        assertThat(major.value(RISK_INDEX)).isEqualTo(375.0);
        // school-based figures are not defined for a subset of hazards
        assertThat(major.value(SUPERVISION_COVERAGE)).isNull();
        assertThat(major.value(DRILL_COMPLIANCE)).isNull();

        FigureRow dingxiang = figures.figures(
                        question(H1_2026, JUNE_30).filtered(Dimension.DISTRICT, Set.of(DINGXIANG, "140923")))
                .total();
        // B1 only: H6
        assertThat(dingxiang.value(FOUND)).isEqualTo(1.0);
        assertThat(dingxiang.value(RISK_INDEX)).isEqualTo(500.0);
        assertThat(dingxiang.value(DRILL_COMPLIANCE)).isEqualTo(0.5);

        FigureTable byCategory = figures.figures(question(H1_2026, JUNE_30)
                .by(List.of(Dimension.CATEGORY))
                .filtered(Dimension.CATEGORY, Set.of("FIRE", "TRAFFIC")));
        // only the filtered members are rows: FIRE H2, H4, H5; TRAFFIC H6
        assertThat(byCategory.rows()).extracting(row -> row.keys().get(0)).containsExactly("FIRE", "TRAFFIC");
        assertThat(byCategory.rows()).extracting(row -> row.value(FOUND)).containsExactly(3.0, 1.0);
    }

    @Test
    void anAsOfDateInsideAMonthReadsEveryHazard() {
        LocalDate june15 = LocalDate.parse("2026-06-15");
        FigureTable table = figures.figures(question(period("2026-01-01", "2026-06-15"), june15));
        assertThat(table.source()).isEqualTo(FactSource.HAZARD_FACTS);
        FigureRow total = table.total();
        // H5 (06-20) is not found yet: H2, H3, H4, H6
        assertThat(total.value(FOUND)).isEqualTo(4.0);
        // open at 06-15: H1, H4, H6
        assertThat(total.value(OPEN)).isEqualTo(3.0);
        // due by 06-15: H2 (on time), H3 (late); H4's deadline 06-30 is still ahead → 1 / 2
        assertThat(total.value(ON_TIME_RATE)).isEqualTo(0.5);
    }

    @Test
    void anAsOfDateAfterThePeriodCountsRectificationsUpToIt() {
        FigureRow total = total(period("2026-01-01", "2026-03-31"), JUNE_30);
        // found in Q1: H2, H3, both rectified by 06-30 → 2 / 2
        assertThat(total.value(RECTIFICATION_RATE)).isEqualTo(1.0);
        // due by D: H2 on time, H3 late → 1 / 2
        assertThat(total.value(ON_TIME_RATE)).isEqualTo(0.5);
        // open is a stock at D, whatever P: H1, H4, H5, H6
        assertThat(total.value(OPEN)).isEqualTo(4.0);
        // the stock flow is of P: opening H1, H7; new H2, H3; resolved H7, H2; closing on 03-31 H1, H3 → 2 + 2 − 2
        assertThat(List.of(
                        total.value(STOCK_FLOW_OPENING),
                        total.value(STOCK_FLOW_NEW),
                        total.value(STOCK_FLOW_RESOLVED),
                        total.value(STOCK_FLOW_CLOSING)))
                .containsExactly(2.0, 2.0, 2.0, 2.0);
    }

    @Test
    void theCubeAnswersMonthAlignedQuestionsExactlyAsEveryHazardDoes() {
        List<Question> questions = List.of(
                question(H1_2026, JUNE_30),
                question(H1_2026, JUNE_30).by(List.of(Dimension.DISTRICT, Dimension.CATEGORY)),
                question(H1_2026, JUNE_30).by(List.of(Dimension.SEVERITY, Dimension.MONTH)),
                question(period("2026-01-01", "2026-03-31"), JUNE_30).by(List.of(Dimension.SCHOOL_TYPE)),
                question(period("2024-01-01", "2026-12-31"), LocalDate.parse("2024-03-31"))
                        .by(List.of(Dimension.INSPECTION_TYPE, Dimension.BOARDING))
                        .filtered(Dimension.SEVERITY, Set.of("MAJOR")));
        int compared = 0;
        for (Question question : questions) {
            FigureTable facts = figures.figures(question, FactSource.HAZARD_FACTS);
            for (FactSource cube : FactSource.values()) {
                if (cube != FactSource.HAZARD_FACTS && cube.answersEveryFigure() && cube.holds(question.mentioned())) {
                    assertThat(figures.figures(question, cube).rows())
                            .as(cube + " for " + question)
                            .isEqualTo(facts.rows());
                    compared++;
                }
            }
        }
        // the three cubes answer the total and severity × month; two answer district × category; one the others
        assertThat(compared).isEqualTo(3 + 2 + 3 + 1 + 1);
        // the smallest cube that holds the question's dimensions is chosen
        assertThat(figures.figures(question(H1_2026, JUNE_30)).source()).isEqualTo(FactSource.HAZARD_CUBE_DISTRICT);
        assertThat(figures.figures(questions.get(1)).source()).isEqualTo(FactSource.HAZARD_CUBE_DISTRICT_CATEGORY);
        assertThat(figures.figures(questions.get(3)).source()).isEqualTo(FactSource.HAZARD_CUBE);
    }

    @Test
    void refusesQuestionsItCannotAnswer() {
        assertThatThrownBy(() -> question(H1_2026, JUNE_30).by(List.of(Dimension.MONTH, Dimension.YEAR)))
                .hasMessage("Cannot break down by month,year: choose one of month, quarter and year (they nest)");
        assertThatThrownBy(() -> question(H1_2026, JUNE_30).filtered(Dimension.MONTH, Set.of("2026-01")))
                .hasMessageContaining("choose the time span with the period");
        assertThatThrownBy(
                        () -> figures.figures(question(H1_2026, JUNE_30).filtered(Dimension.DISTRICT, Set.of("999"))))
                .hasMessageStartingWith("Cannot filter by district=999: expected one of 140902, ");
        assertThatThrownBy(
                        () -> figures.figures(question(H1_2026, LocalDate.parse("2026-06-15")), FactSource.HAZARD_CUBE))
                .hasMessageContaining("whole months as of a month's last day");
    }

    private static FigureRow total(Period period, LocalDate asOf) {
        return figures.figures(question(period, asOf)).total();
    }

    private static Question question(Period period, LocalDate asOf) {
        return new Question(Optional.of(period), Optional.of(asOf), List.of(), Map.of());
    }

    private static Period period(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }
}
