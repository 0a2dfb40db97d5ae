package cn.xiaoan.analytics.build;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.KnowledgeComparison;
import cn.xiaoan.analytics.serving.ServingLimits;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of knowledge time: two ledger snapshots ingested a second apart; the figures as known at an
 * instant between the ingests, and as reported by a date between their report dates, equal those of a warehouse that
 * only ever held the first snapshot; a withdrawal counts only from the moment it was recorded.
 */
class KnowledgeTimeTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Instant START = Instant.parse("2026-11-20T02:00:00Z");
    private static final LocalDate MAY = LocalDate.parse("2026-05-31");
    private static final LocalDate JUNE = LocalDate.parse("2026-06-30");
    private static final String HEADER =
            "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,整改责任人,整改期限,整改状态,整改完成日期,销号日期\n";
    private static final String SCHOOLS = "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n"
            + "1409020001,忻府区第一中学,140902,初中,是,1200\n"
            + "1409020002,忻府区实验小学,140902,小学,否,800\n";
    private static final String FIRST = HEADER
            + "H1,1409020001,忻府区第一中学,2026-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,2026-04-01,整改中,,\n"
            + "H2,1409020002,忻府区实验小学,2026-04-10,自查,李华,交通安全,校门,无减速带,重大隐患,加装,专人值守,李四,2026-05-01,整改中,,\n";
    private static final String SECOND = HEADER
            + "H1,1409020001,忻府区第一中学,2026-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,2026-04-01,已整改,2026-06-10,\n"
            + "H2,1409020002,忻府区实验小学,2026-04-10,自查,李华,交通安全,校门,无减速带,重大隐患,加装,专人值守,李四,2026-05-01,已整改,2026-06-20,2026-06-25\n"
            + "H3,1409020002,忻府区实验小学,2026-06-12,自查,李华,消防安全,食堂,燃气报警器失灵,重大隐患,更换,,李四,2026-07-01,整改中,,\n";

    @TempDir
    Path root;

    private final SteppingClock clock = new SteppingClock(START);
    private Warehouse warehouse;
    private IngestResult first;
    private IngestResult second;

    @BeforeEach
    void twoSnapshotsASecondApart() throws IOException {
        warehouse = new Warehouse(root.resolve("both"));
        first = ingestFirstSnapshot(warehouse);
        clock.advance(Duration.ofSeconds(1));
        second = ingest(warehouse, Dataset.LEDGER, Files.writeString(root.resolve("六月台账.csv"), SECOND), JUNE);
        new ModelBuilder(warehouse, REFERENCE, clock).build();
    }

    @Test
    void knownAtAnInstantBetweenTheIngestsEqualsAWarehouseHoldingOnlyTheFirstSnapshot() throws IOException {
        Instant between = START.plusMillis(500);
        List<String> onlyFirst = figuresOfAWarehouseWithOnlyTheFirstSnapshot();

        try (FigureService figures = knowing(warehouse)) {
            FigureTable known = figures.figures(figures.snapshot(Knowledge.knownAt(between)), Question.total());
            FigureTable now = figures.figures(Question.total());

            assertThat(rows(known)).isEqualTo(onlyFirst).isNotEqualTo(rows(now));
            assertThat(known.modelVersion().knowledge().knownAt()).contains(between);
            assertThat(known.modelVersion().batchIds()).doesNotContain(second.batchId());
        }
    }

    @Test
    void reportedByADateBetweenTheReportDatesEqualsAWarehouseHoldingOnlyTheFirstSnapshot() throws IOException {
        List<String> onlyFirst = figuresOfAWarehouseWithOnlyTheFirstSnapshot();

        try (FigureService figures = knowing(warehouse)) {
            FigureTable reported = figures.figures(
                    figures.snapshot(Knowledge.reportedBy(LocalDate.parse("2026-06-15"))), Question.total());

            assertThat(rows(reported)).isEqualTo(onlyFirst);
            assertThat(reported.asOf()).isEqualTo(MAY);
        }
    }

    @Test
    void aWithdrawalCountsOnlyFromTheMomentItWasRecorded() throws IOException {
        List<String> bothStanding;
        try (FigureService figures = knowing(warehouse)) {
            bothStanding = rows(figures.figures(Question.total()));
        }
        clock.advance(Duration.ofHours(1));
        Instant beforeWithdrawal = clock.instant();
        clock.advance(Duration.ofHours(1));
        new BatchWithdrawer(warehouse, clock)
                .withdraw(second.batchId(), BatchWithdrawer.Requester.commandLine(), "六月台账报错");
        new ModelBuilder(warehouse, REFERENCE, clock).build();
        clock.advance(Duration.ofHours(1));
        List<String> onlyFirst = figuresOfAWarehouseWithOnlyTheFirstSnapshot();

        try (FigureService figures = knowing(warehouse)) {
            assertThat(rows(figures.figures(figures.snapshot(Knowledge.knownAt(beforeWithdrawal)), Question.total())))
                    .isEqualTo(bothStanding);
            assertThat(rows(figures.figures(figures.snapshot(Knowledge.knownAt(clock.instant())), Question.total())))
                    .isEqualTo(onlyFirst);
            assertThat(rows(figures.figures(Question.total()))).isEqualTo(onlyFirst);
        }
        List<BatchChange> responsible =
                BatchChange.between(warehouse, Knowledge.knownAt(beforeWithdrawal), Knowledge.knownAt(clock.instant()));
        assertThat(responsible).singleElement().satisfies(change -> {
            assertThat(change.event()).isEqualTo(BatchChange.Event.WITHDRAWN);
            assertThat(change.batchId()).isEqualTo(second.batchId());
            assertThat(change.reason()).contains("六月台账报错");
        });
    }

    @Test
    void theChangesBetweenTwoKnowledgeTimesNameTheFiguresAndTheBatchResponsible() {
        Instant between = START.plusMillis(500);
        try (FigureService figures = knowing(warehouse)) {
            var result = new KnowledgeComparison(figures)
                    .compare(Question.total(), Knowledge.knownAt(clock.instant()), Knowledge.knownAt(between));

            assertThat(result.differences())
                    .extracting(difference -> difference.change().figure().code())
                    .contains("rectified", "found");
            assertThat(result.earlier().asOf()).isEqualTo(result.later().asOf());
        }
        assertThat(BatchChange.between(warehouse, Knowledge.knownAt(between), Knowledge.knownAt(clock.instant())))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.event()).isEqualTo(BatchChange.Event.ADDED);
                    assertThat(change.batchId()).isEqualTo(second.batchId());
                    assertThat(change.fileName()).isEqualTo("六月台账.csv");
                    assertThat(change.reportDate()).isEqualTo(JUNE);
                });
    }

    @Test
    void aSecondQuestionForTheSameTimeReusesTheModelAndAPublishedVersionWithTheSameBatchesIsLinked()
            throws IOException {
        new ModelBuilder(warehouse, REFERENCE, clock).build(); // two published versions, both of every batch
        try (FigureService figures = knowing(warehouse)) {
            Knowledge now = Knowledge.knownAt(clock.instant());
            FigureTable known = figures.figures(figures.snapshot(now), Question.total());
            long started = System.nanoTime();
            FigureTable again = figures.figures(figures.snapshot(now), Question.total());
            Duration second = Duration.ofNanos(System.nanoTime() - started);

            assertThat(rows(again)).isEqualTo(rows(known)).isEqualTo(rows(figures.figures(Question.total())));
            assertThat(second).isLessThan(Duration.ofMillis(200));
            assertThat(knownModels()).hasSize(1);
            Path table = Files.list(knownModels().get(0))
                    .filter(path -> path.getFileName().toString().equals("current_hazards.parquet"))
                    .findFirst()
                    .orElseThrow();
            assertThat((Integer) Files.getAttribute(table, "unix:nlink")).isEqualTo(2);
        }
    }

    @Test
    void theCacheKeepsItsBoundsAndSparesTheModelJustAsked() throws IOException {
        var cache = new KnownModelCache(
                warehouse,
                new ModelBuilder(warehouse, REFERENCE, clock),
                // file times are the machine's: a clock past the in-use window makes every earlier entry removable
                Clock.offset(Clock.systemUTC(), KnownModelCache.IN_USE.multipliedBy(2)),
                1,
                Long.MAX_VALUE);
        cache.model(Knowledge.reportedBy(MAY));
        cache.model(Knowledge.reportedBy(JUNE));

        assertThat(knownModels()).hasSize(1);
        assertThat(knownModels().get(0))
                .isEqualTo(cache.model(Knowledge.reportedBy(JUNE)).directory());
    }

    private List<Path> knownModels() throws IOException {
        try (Stream<Path> entries = Files.list(warehouse.knownModels())) {
            return entries.filter(path -> !path.getFileName().toString().startsWith("."))
                    .toList();
        }
    }

    private List<String> figuresOfAWarehouseWithOnlyTheFirstSnapshot() throws IOException {
        var onlyFirst = new Warehouse(root.resolve("only-first-" + System.nanoTime()));
        ingestFirstSnapshot(onlyFirst);
        new ModelBuilder(onlyFirst, REFERENCE, clock).build();
        try (var figures = new FigureService(onlyFirst, REFERENCE, clock)) {
            return rows(figures.figures(Question.total()));
        }
    }

    private IngestResult ingestFirstSnapshot(Warehouse target) throws IOException {
        ingest(target, Dataset.SCHOOLS, Files.writeString(root.resolve("schools.csv"), SCHOOLS), MAY);
        return ingest(target, Dataset.LEDGER, Files.writeString(root.resolve("五月台账.csv"), FIRST), MAY);
    }

    private IngestResult ingest(Warehouse target, Dataset dataset, Path file, LocalDate reportDate) {
        return new Ingestor(target, REFERENCE, clock)
                .ingest(
                        new IngestRequest(dataset, file, file.getFileName().toString(), Optional.of(reportDate)),
                        IngestProgress.silent());
    }

    private FigureService knowing(Warehouse target) {
        return new FigureService(
                target,
                REFERENCE,
                clock,
                ServingLimits.defaults(),
                new KnownModelCache(target, new ModelBuilder(target, REFERENCE, clock), clock));
    }

    private static List<String> rows(FigureTable table) {
        return table.rows().stream().map(FigureRow::toString).toList();
    }

    /** A clock the test moves forward: ingests, withdrawals and builds happen at known instants. */
    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
