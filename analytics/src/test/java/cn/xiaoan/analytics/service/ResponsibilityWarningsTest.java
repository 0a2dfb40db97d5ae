package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open MAJOR hazards without a deadline or a responsible unit are warnings, on {@link DutyLedger} (a ledger sent in
 * April without the 责任单位 and 督办 columns, in May with them), as of 2026-06-30 unless said.
 */
class ResponsibilityWarningsTest {
    private static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");

    @TempDir
    static Path root;

    private static FigureService figures;

    @BeforeAll
    static void buildModel() throws IOException {
        figures = DutyLedger.build(root);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    @Test
    void listsOpenMajorHazardsWithoutADeadlineOldestFirst() {
        WarningReport report = new WarningService(figures).warnings(at(JUNE_30));

        // M5 has no deadline either but was rectified; G1 is not MAJOR
        assertThat(report.majorWithoutDeadline().rows())
                .extracting(g -> g.hazardId() + " " + g.foundDate() + " " + g.daysOpen() + " " + g.supervised())
                .containsExactly("M2 2026-03-10 112 null", "M4 2026-04-15 76 true");
        assertThat(report.count(WarningKind.MAJOR_WITHOUT_DEADLINE)).isEqualTo(2);
    }

    @Test
    void listsOpenMajorHazardsWithoutAResponsibleUnitIncludingLedgersWithoutTheColumn() {
        WarningReport report = new WarningService(figures).warnings(at(JUNE_30));

        assertThat(report.majorWithoutResponsibleUnit().rows())
                .extracting(g -> g.hazardId() + " " + g.deadline() + " " + g.responsiblePerson())
                .containsExactly("M1 2026-07-31 张三", "M2 null 李四", "M4 null 赵六");
        assertThat(report.count(WarningKind.MAJOR_WITHOUT_RESPONSIBLE_UNIT)).isEqualTo(3);
        // a district filter that holds none of them lists none
        assertThat(new WarningService(figures)
                        .warnings(new WarningRequest(Optional.empty(), Optional.of(JUNE_30), Set.of("140921")))
                        .majorWithoutResponsibleUnit()
                        .rows())
                .isEmpty();
    }

    @Test
    void aHazardFoundAfterTheAsOfDateOrRectifiedByItIsNotListed() {
        // as of 2026-03-05 only M1 was found; it had a deadline, but no unit
        WarningReport early = new WarningService(figures).warnings(at(LocalDate.parse("2026-03-05")));

        assertThat(early.majorWithoutDeadline().rows()).isEmpty();
        assertThat(early.majorWithoutResponsibleUnit().rows())
                .extracting(MajorHazardGap::hazardId)
                .containsExactly("M1");
        // M5 was open (and without a deadline) until its rectification on 05-20
        assertThat(new WarningService(figures)
                        .warnings(at(LocalDate.parse("2026-05-19")))
                        .majorWithoutDeadline()
                        .rows())
                .extracting(MajorHazardGap::hazardId)
                .containsExactly("M2", "M4", "M5");
    }

    @Test
    void theOnTimeRateOfMajorHazardsLeavesOutThoseWithoutADeadline() {
        // MAJOR hazards found in 2026 and due by 2026-08-31: M1 (due 07-31, open) and M3 (due 08-01, open): 0 of 2 on
        // time. M2, M4 and M5 have no deadline and are in neither count: the warning says so.
        Question question = Question.total()
                .at(
                        new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-08-31")),
                        LocalDate.parse("2026-08-31"))
                .filtered(Dimension.SEVERITY, Set.of("MAJOR"));
        FigureRow total = figures.figures(question).total();

        assertThat(total.value(Figure.ON_TIME_RATE)).isEqualTo(0.0);
        assertThat(total.value(Figure.MAJOR_FOUND)).isEqualTo(5.0);
    }

    @Test
    void theModelCarriesTheUnitAndTheListing() {
        var rows = figures.select(
                figures.snapshot().model(),
                cn.xiaoan.analytics.figure.SqlTemplate.of(
                        "duty_columns",
                        "SELECT hazard_id, responsible_unit, supervised, supervised_by FROM current_hazards"
                                + " ORDER BY hazard_id"),
                Map.of(),
                row -> row.getString(1) + " " + row.getString(2) + " " + row.getObject(3) + " " + row.getString(4));

        assertThat(rows)
                .containsExactly(
                        "G1 null null null",
                        "M1 null null null",
                        "M2 null null null",
                        "M3 后勤科 true 市教育局",
                        "M4 null true 市级挂牌督办",
                        "M5 null null null");
    }

    private static WarningRequest at(LocalDate asOf) {
        return new WarningRequest(Optional.empty(), Optional.of(asOf), Set.of());
    }
}
