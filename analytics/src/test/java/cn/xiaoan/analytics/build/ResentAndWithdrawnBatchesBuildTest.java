package cn.xiaoan.analytics.build;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.spark.SparkBuildEngine;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.fixture.SharedSpark;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.SilentSchool;
import cn.xiaoan.analytics.service.WarningRequest;
import cn.xiaoan.analytics.service.WarningService;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.BatchWithdrawer;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.IngestResult;
import cn.xiaoan.ingest.Ingestor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The careless clerk's ledger sent twice, for May and for June: the model sees two submissions (no silent-school
 * warning for June) and counts every hazard once; a withdrawn batch leaves the next model, on both engines.
 */
class ResentAndWithdrawnBatchesBuildTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate MAY = LocalDate.parse("2026-05-31");
    private static final LocalDate JUNE = LocalDate.parse("2026-06-30");
    private static final String HEADER =
            "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,整改责任人,整改期限,整改状态,整改完成日期,销号日期\n";

    @TempDir
    Path root;

    private Warehouse warehouse;
    private Ingestor ingestor;
    private Path ledger;

    @BeforeEach
    void registerAndLedger() throws IOException {
        warehouse = new Warehouse(root.resolve("warehouse"));
        ingestor = new Ingestor(warehouse, REFERENCE, CLOCK);
        Path schools = Files.writeString(
                root.resolve("schools.csv"),
                "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n"
                        + "1409020001,忻府区第一中学,140902,初中,是,1200\n"
                        + "1409020002,忻府区实验小学,140902,小学,否,800\n");
        ingest(Dataset.SCHOOLS, schools, LocalDate.parse("2026-01-01"));
        ledger = Files.writeString(
                root.resolve("台账.csv"),
                HEADER
                        + "H1,1409020001,忻府区第一中学,2026-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,2026-04-01,整改中,,\n"
                        + "H2,1409020002,忻府区实验小学,2026-04-10,自查,李华,交通安全,校门,无减速带,重大隐患,加装,专人值守,李四,2026-05-01,已整改,2026-04-28,\n");
    }

    private IngestResult ingest(Dataset dataset, Path file, LocalDate reportDate) {
        return ingestor.ingest(
                new IngestRequest(dataset, file, file.getFileName().toString(), Optional.of(reportDate)),
                IngestProgress.silent());
    }

    @Test
    void aLedgerSentAgainForJuneIsAJuneSubmissionAndChangesNoFigure() throws Exception {
        IngestResult may = ingest(Dataset.LEDGER, ledger, MAY);
        ModelVersion before = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        List<String> figuresBefore = figures();
        assertThat(silentInJune()).containsExactly("1409020001", "1409020002");

        IngestResult june = ingest(Dataset.LEDGER, ledger, JUNE);
        ModelVersion after = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        assertThat(june.sameRowsAs()).contains(may.batchId());
        assertThat(after.batchIds()).contains(june.batchId());
        assertThat(query("SELECT school_code || ' ' || report_date || ' ' || ledger_rows FROM read_parquet('"
                        + table(after, ModelTable.LEDGER_SUBMISSIONS) + "') ORDER BY 1"))
                .containsExactly(
                        "1409020001 2026-05-31 1",
                        "1409020001 2026-06-30 1",
                        "1409020002 2026-05-31 1",
                        "1409020002 2026-06-30 1");
        assertThat(silentInJune()).isEmpty();
        // every hazard once, its current row now from the June snapshot; every figure as before
        assertThat(query("SELECT hazard_id || ' ' || batch_id || ' ' || report_date FROM read_parquet('"
                        + table(after, ModelTable.CURRENT_HAZARDS) + "') ORDER BY 1"))
                .containsExactly("H1 " + june.batchId() + " 2026-06-30", "H2 " + june.batchId() + " 2026-06-30");
        assertThat(figures()).isEqualTo(figuresBefore);
        assertThat(before.version()).isLessThan(after.version());
    }

    @Test
    void aWithdrawnBatchLeavesTheNextModelAndAReSentCopyOfItStandsOnItsOwn() throws Exception {
        IngestResult may = ingest(Dataset.LEDGER, ledger, MAY);
        IngestResult june = ingest(Dataset.LEDGER, ledger, JUNE);
        var withdrawer = new BatchWithdrawer(warehouse, CLOCK);

        withdrawer.withdraw(may.batchId(), BatchWithdrawer.Requester.commandLine(), "五月的报错了");
        ModelVersion withoutMay = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        assertThat(withoutMay.batchIds()).contains(june.batchId()).doesNotContain(may.batchId());
        assertThat(query("SELECT DISTINCT report_date FROM read_parquet('"
                        + table(withoutMay, ModelTable.LEDGER_SUBMISSIONS) + "')"))
                .containsExactly("2026-06-30");
        assertThat(query("SELECT count(*) FROM read_parquet('" + table(withoutMay, ModelTable.CURRENT_HAZARDS) + "')"))
                .containsExactly("2");

        withdrawer.withdraw(june.batchId(), BatchWithdrawer.Requester.commandLine(), "六月的也撤回");
        ModelVersion empty = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        assertThat(query("SELECT count(*) FROM read_parquet('" + table(empty, ModelTable.CURRENT_HAZARDS) + "')"))
                .containsExactly("0");
        assertThat(Files.isDirectory(warehouse.rawBatch(Dataset.LEDGER, may.batchId())))
                .isTrue();
    }

    @Test
    void sparkReadsReSentAndWithdrawnBatchesAsDuckDbDoes() {
        IngestResult may = ingest(Dataset.LEDGER, ledger, MAY);
        ingest(Dataset.LEDGER, ledger, JUNE);
        ingest(Dataset.LEDGER, ledger, LocalDate.parse("2026-07-31"));
        new BatchWithdrawer(warehouse, CLOCK).withdraw(may.batchId(), BatchWithdrawer.Requester.commandLine(), "重复");

        ModelVersion duckDb = new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        ModelVersion spark =
                new ModelBuilder(warehouse, REFERENCE, CLOCK, SparkBuildEngine.choiceIn(SharedSpark.session())).build();

        assertThat(spark.batchIds()).isEqualTo(duckDb.batchIds()).doesNotContain(may.batchId());
        assertThat(ModelComparison.differences(warehouse.model(duckDb.version()), warehouse.model(spark.version())))
                .isEmpty();
    }

    private List<String> silentInJune() {
        try (var figures = new FigureService(warehouse, REFERENCE, CLOCK)) {
            return new WarningService(figures)
                            .warnings(new WarningRequest(Optional.empty(), Optional.of(JUNE), java.util.Set.of()))
                            .silentSchools()
                            .rows()
                            .stream()
                            .map(SilentSchool::schoolCode)
                            .toList();
        }
    }

    private List<String> figures() {
        try (var figures = new FigureService(warehouse, REFERENCE, CLOCK)) {
            FigureTable table = figures.figures(Question.total()
                    .at(
                            new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-10-31")),
                            LocalDate.parse("2026-10-31")));
            return table.rows().stream().map(Object::toString).toList();
        }
    }

    private String table(ModelVersion version, ModelTable table) {
        return ModelFiles.location(warehouse.model(version.version()), table).toString();
    }

    private static List<String> query(String sql) throws Exception {
        var rows = new ArrayList<String>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
