package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.IngestResult;
import cn.xiaoan.ingest.Ingestor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open MAJOR hazards without a deadline or a responsible unit are warnings, on a hand-made ledger sent twice: in April
 * without the 责任单位 and 督办 columns (as every ledger before them), in May with them. As of 2026-06-30:
 *
 * <pre>
 * hazard  batch  severity  found       deadline    state at D          责任单位   督办
 * M1      April  MAJOR     2026-03-01  2026-07-31  open                (none)      -
 * M2      April  MAJOR     2026-03-10  -           open                (none)      -
 * M3      May    MAJOR     2026-04-01  2026-08-01  open                后勤科      是, 市教育局
 * M4      May    MAJOR     2026-04-15  -           open                (blank)     市级挂牌督办
 * M5      May    MAJOR     2026-04-20  -           rectified 05-20     (blank)     -
 * G1      May    GENERAL   2026-04-25  -           open                (blank)     -
 * </pre>
 */
class ResponsibilityWarningsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final String OLD_HEADER = "隐患编号,学校标识码,检查日期,检查方式,隐患类别,隐患描述,隐患等级,整改责任人,整改期限,整改状态,整改完成日期\n";
    private static final String NEW_HEADER =
            "隐患编号,学校标识码,检查日期,检查方式,隐患类别,隐患描述,隐患等级,整改责任人,整改期限,整改状态,整改完成日期,责任部门,是否督办,督办单位\n";
    private static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");

    @TempDir
    static Path root;

    private static FigureService figures;

    @BeforeAll
    static void buildModel() throws IOException {
        var warehouse = new Warehouse(root.resolve("warehouse"));
        ingest(
                warehouse,
                Dataset.SCHOOLS,
                Files.writeString(
                        root.resolve("schools.csv"),
                        "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n1409020001,忻府区第一中学,140902,初中,是,1200\n"),
                "2026-01-01");
        ingest(
                warehouse,
                Dataset.LEDGER,
                Files.writeString(
                        root.resolve("april.csv"),
                        OLD_HEADER
                                + "M1,1409020001,2026-03-01,督查,消防安全,宿舍无火灾报警,重大,张三,2026-07-31,整改中,\n"
                                + "M2,1409020001,2026-03-10,督查,用电,电动车室内充电,重大,李四,,未整改,\n"),
                "2026-04-30");
        ingest(
                warehouse,
                Dataset.LEDGER,
                Files.writeString(
                        root.resolve("may.csv"),
                        NEW_HEADER
                                + "M3,1409020001,2026-04-01,督查,校舍,外墙脱落,重大,王五,2026-08-01,整改中,,后勤科,是,市教育局\n"
                                + "M4,1409020001,2026-04-15,督查,校舍,围墙倾斜,重大,赵六,,未整改,,,市级挂牌督办,\n"
                                + "M5,1409020001,2026-04-20,自查,用电,配电箱无锁,重大,孙七,,已整改,2026-05-20,,,\n"
                                + "G1,1409020001,2026-04-25,自查,交通安全,无减速带,一般,周八,,未整改,,,,\n"),
                "2026-05-31");
        new ModelBuilder(warehouse, REFERENCE, Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        figures = new FigureService(
                warehouse, REFERENCE, Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static void ingest(Warehouse warehouse, Dataset dataset, Path file, String reportDate) {
        var ingestor = new Ingestor(
                warehouse, REFERENCE, Clock.fixed(Instant.parse(reportDate + "T12:00:00Z"), ZoneOffset.UTC));
        IngestResult result = ingestor.ingest(
                new IngestRequest(
                        dataset, file, file.getFileName().toString(), Optional.of(LocalDate.parse(reportDate))),
                IngestProgress.silent());
        assertThat(result.rejected()).as("rejected rows of " + file).isZero();
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    @Test
    void listsOpenMajorHazardsWithoutADeadlineOldestFirst() {
        WarningReport report = new WarningService(figures).warnings(at(JUNE_30));

        // M5 has no deadline either but was rectified; G1 is not MAJOR
        assertThat(report.majorWithoutDeadline())
                .extracting(g -> g.hazardId() + " " + g.foundDate() + " " + g.daysOpen() + " " + g.supervised())
                .containsExactly("M2 2026-03-10 112 null", "M4 2026-04-15 76 true");
        assertThat(report.count(WarningKind.MAJOR_WITHOUT_DEADLINE)).isEqualTo(2);
    }

    @Test
    void listsOpenMajorHazardsWithoutAResponsibleUnitIncludingLedgersWithoutTheColumn() {
        WarningReport report = new WarningService(figures).warnings(at(JUNE_30));

        assertThat(report.majorWithoutResponsibleUnit())
                .extracting(g -> g.hazardId() + " " + g.deadline() + " " + g.responsiblePerson())
                .containsExactly("M1 2026-07-31 张三", "M2 null 李四", "M4 null 赵六");
        assertThat(report.count(WarningKind.MAJOR_WITHOUT_RESPONSIBLE_UNIT)).isEqualTo(3);
        // a district filter that holds none of them lists none
        assertThat(new WarningService(figures)
                        .warnings(new WarningRequest(Optional.empty(), Optional.of(JUNE_30), Set.of("140921")))
                        .majorWithoutResponsibleUnit())
                .isEmpty();
    }

    @Test
    void aHazardFoundAfterTheAsOfDateOrRectifiedByItIsNotListed() {
        // as of 2026-03-05 only M1 was found; it had a deadline, but no unit
        WarningReport early = new WarningService(figures).warnings(at(LocalDate.parse("2026-03-05")));

        assertThat(early.majorWithoutDeadline()).isEmpty();
        assertThat(early.majorWithoutResponsibleUnit())
                .extracting(MajorHazardGap::hazardId)
                .containsExactly("M1");
        // M5 was open (and without a deadline) until its rectification on 05-20
        assertThat(new WarningService(figures)
                        .warnings(at(LocalDate.parse("2026-05-19")))
                        .majorWithoutDeadline())
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
