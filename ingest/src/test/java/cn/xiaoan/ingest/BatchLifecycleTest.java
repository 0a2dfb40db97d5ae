package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.domain.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch's life as a careless or hostile clerk would bend it: report dates out of range, the same file sent for two
 * months, a batch withdrawn and its file sent again. The fixture's clock says 2024-06-01.
 */
class BatchLifecycleTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;
    private BatchHistory history;

    @BeforeEach
    void register() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
        history = new BatchHistory(fixture.warehouse);
    }

    private IngestResult ingest(Path file, LocalDate reportDate) {
        return fixture.ingestor.ingest(
                new IngestRequest(Dataset.LEDGER, file, file.getFileName().toString(), Optional.of(reportDate)),
                IngestProgress.silent());
    }

    private long manifests() throws IOException {
        try (var files = Files.list(fixture.warehouse.manifestDirectory())) {
            return files.filter(p -> p.getFileName().toString().startsWith("batch-"))
                    .count();
        }
    }

    @Test
    void aFutureReportDateGivenWithTheRequestRefusesTheFileAndWritesNothing() throws IOException {
        Path ledger = fixture.ledgerCsv("ledger.csv", Map.of());
        long before = manifests();

        assertThatThrownBy(() -> ingest(ledger, LocalDate.of(2099, 12, 31)))
                .isInstanceOf(ReportDateOutOfRangeException.class)
                .hasMessageContaining("2099-12-31")
                .hasMessageContaining("晚于今天 2024-06-01")
                .hasMessageContaining("latest accepted: 2024-06-02")
                .hasMessageContaining("nothing was ingested");
        assertThat(manifests()).isEqualTo(before);
        assertThat(Files.exists(fixture.warehouse.raw(Dataset.LEDGER))).isFalse();
    }

    @Test
    void aFutureReportDateInTheFileRefusesTheFileAsAWhole() throws IOException {
        String csv = "隐患排查整治台账,,,填报日期：2099-12-31\n"
                + Files.readString(fixture.ledgerCsv("body.csv", Map.of()), StandardCharsets.UTF_8);
        Path ledger = fixture.write("dated.csv", csv);

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, ledger))
                .isInstanceOf(ReportDateOutOfRangeException.class)
                .hasMessageContaining("文件中的填报日期")
                .hasMessageContaining("the file's 填报日期");
        assertThat(manifests()).isEqualTo(1);
    }

    @Test
    void reportDatesBeforeTheYear2000AreRefusedAndTheBoundsThemselvesAccepted() {
        assertThatThrownBy(() -> ingest(fixture.ledgerCsv("old.csv", Map.of()), LocalDate.of(1999, 12, 31)))
                .isInstanceOf(ReportDateOutOfRangeException.class)
                .hasMessageContaining("早于 2000-01-01")
                .hasMessageContaining("before 2000-01-01");

        assertThat(ingest(fixture.ledgerCsv("first.csv", Map.of()), LocalDate.of(2000, 1, 1))
                        .accepted())
                .isEqualTo(1);
        // one day of tolerance past the server's today
        assertThat(ingest(fixture.ledgerCsv("tomorrow.csv", Map.of("隐患描述", "明天")), LocalDate.of(2024, 6, 2))
                        .accepted())
                .isEqualTo(1);
    }

    @Test
    void theSameFileSentForTwoMonthsRecordsTwoSubmissionsButStoresItsRowsOnce() throws IOException {
        Path ledger = fixture.ledgerCsv("ledger.csv", Map.of(), Map.of("隐患编号", "YH-9", "整改期限", "2023-01-01"));
        IngestResult april = ingest(ledger, LocalDate.of(2024, 4, 30));
        IngestResult may = ingest(ledger, LocalDate.of(2024, 5, 31));
        IngestResult mayAgain = ingest(ledger, LocalDate.of(2024, 5, 31));

        assertThat(april.sameRowsAs()).isEmpty();
        assertThat(may.alreadyIngested()).isFalse();
        assertThat(may.batchId()).isGreaterThan(april.batchId());
        assertThat(may.sameRowsAs()).contains(april.batchId());
        assertThat(may.reportDate()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(may.accepted()).isEqualTo(april.accepted());
        assertThat(may.rejectsFile()).isEqualTo(april.rejectsFile());
        assertThat(may.summary()).contains("the same rows as batch " + april.batchId());
        assertThat(mayAgain.alreadyIngested()).isTrue();
        assertThat(mayAgain.batchId()).isEqualTo(may.batchId());

        assertThat(Files.exists(fixture.warehouse.rawBatch(Dataset.LEDGER, may.batchId())))
                .isFalse();
        // one accepted row (the second is rejected: its deadline is before it was found), stored once
        assertThat(april.accepted()).isEqualTo(1);
        assertThat(april.rejectsFile()).isPresent();
        assertThat(fixture.query("SELECT count(*) AS n FROM ledger")).containsExactly(Map.of("n", 1L));
        assertThat(Files.readString(fixture.warehouse.manifest(may.batchId())))
                .contains("\"same_rows_as\" : " + april.batchId());

        BatchRecord listed = history.find(may.batchId()).orElseThrow();
        assertThat(listed.sameRowsAs()).contains(april.batchId());
        assertThat(history.rejects(listed)).isEqualTo(april.rejectsFile());
        assertThat(history.standingRows(Dataset.LEDGER))
                .containsExactly(
                        new BatchRows(april.batchId(), LocalDate.of(2024, 4, 30), april.batchId()),
                        new BatchRows(may.batchId(), LocalDate.of(2024, 5, 31), april.batchId()));
    }

    @Test
    void theSameFileWithoutAStatedDateIsTheSameSubmission() {
        Path ledger = fixture.ledgerCsv("ledger.csv", Map.of());
        IngestResult first = fixture.ingest(Dataset.LEDGER, ledger);
        IngestResult again = fixture.ingest(Dataset.LEDGER, ledger);

        assertThat(again.alreadyIngested()).isTrue();
        assertThat(again.batchId()).isEqualTo(first.batchId());
    }

    @Test
    void eventDatasetsReadTheRowsOfAReSentFileOnlyOnce() {
        Path drills =
                fixture.write("drills.csv", "学校标识码,演练日期,演练类型\n1409020001,2024-03-01,消防疏散\n1409020001,2024-04-01,防震\n");
        IngestResult march = fixture.ingestor.ingest(
                new IngestRequest(Dataset.DRILLS, drills, "drills.csv", Optional.of(LocalDate.of(2024, 3, 31))),
                IngestProgress.silent());
        IngestResult april = fixture.ingestor.ingest(
                new IngestRequest(Dataset.DRILLS, drills, "drills.csv", Optional.of(LocalDate.of(2024, 4, 30))),
                IngestProgress.silent());

        assertThat(april.sameRowsAs()).contains(march.batchId());
        assertThat(history.standingRows(Dataset.DRILLS))
                .containsExactly(new BatchRows(march.batchId(), LocalDate.of(2024, 3, 31), march.batchId()));

        new BatchWithdrawer(fixture.warehouse, Clock.systemUTC())
                .withdraw(march.batchId(), BatchWithdrawer.Requester.commandLine(), "wrong month");
        // the re-sent batch stands on its own: the rows count once, under its id
        assertThat(history.standingRows(Dataset.DRILLS))
                .containsExactly(new BatchRows(april.batchId(), LocalDate.of(2024, 4, 30), march.batchId()));
    }

    @Test
    void aWithdrawnBatchIsKeptOnDiskLoggedAndLeftOutAndItsBytesMayBeIngestedAgain() throws IOException {
        Path ledger = fixture.ledgerCsv("ledger.csv", Map.of());
        IngestResult first = ingest(ledger, LocalDate.of(2024, 5, 31));
        var clock = Clock.fixed(Instant.parse("2024-06-01T03:00:00Z"), ZoneId.of("Asia/Shanghai"));
        var withdrawer = new BatchWithdrawer(fixture.warehouse, clock);

        Withdrawal withdrawal =
                withdrawer.withdraw(first.batchId(), new BatchWithdrawer.Requester("admin", true), "  填错了月份  ");

        assertThat(withdrawal.reason()).isEqualTo("填错了月份");
        assertThat(withdrawal.by()).isEqualTo("admin");
        assertThat(Files.exists(fixture.warehouse.rawBatch(Dataset.LEDGER, first.batchId())))
                .isTrue();
        assertThat(Files.readAllLines(fixture.warehouse.withdrawalLog()))
                .singleElement()
                .asString()
                .contains("\"batch_id\":" + first.batchId())
                .contains("\"withdrawn_by\":\"admin\"")
                .contains("2024-06-01T11:00+08:00")
                .contains("填错了月份");
        BatchRecord listed = history.find(first.batchId()).orElseThrow();
        assertThat(listed.withdrawn()).isTrue();
        assertThat(listed.withdrawal()).contains(withdrawal);
        assertThat(history.standingRows(Dataset.LEDGER)).isEmpty();

        assertThatThrownBy(() -> withdrawer.withdraw(first.batchId(), BatchWithdrawer.Requester.commandLine(), "again"))
                .isInstanceOf(WithdrawalRefusedException.class)
                .hasMessageContaining("already withdrawn by admin")
                .satisfies(e -> assertThat(((WithdrawalRefusedException) e).why())
                        .isEqualTo(WithdrawalRefusedException.Why.ALREADY_WITHDRAWN));
        assertThat(Files.readAllLines(fixture.warehouse.withdrawalLog())).hasSize(1);

        IngestResult again = ingest(ledger, LocalDate.of(2024, 5, 31));
        assertThat(again.alreadyIngested()).isFalse();
        assertThat(again.sameRowsAs()).isEmpty();
        assertThat(again.batchId()).isGreaterThan(first.batchId());
        assertThat(history.standingRows(Dataset.LEDGER))
                .containsExactly(new BatchRows(again.batchId(), LocalDate.of(2024, 5, 31), again.batchId()));
    }

    @Test
    void aClerkMayWithdrawOnlyTheLatestBatchTheySentForTheirDistrict() {
        var wang = new Submitter("wang", Optional.of("140902"));
        var li = new Submitter("li", Optional.of("140902"));
        IngestResult wangs = fixture.ingestor.ingest(
                new IngestRequest(
                        Dataset.LEDGER,
                        fixture.ledgerCsv("a.csv", Map.of()),
                        "a.csv",
                        Optional.of(LocalDate.of(2024, 4, 30)),
                        wang),
                IngestProgress.silent());
        IngestResult lis = fixture.ingestor.ingest(
                new IngestRequest(
                        Dataset.LEDGER,
                        fixture.ledgerCsv("b.csv", Map.of("隐患描述", "另一条")),
                        "b.csv",
                        Optional.of(LocalDate.of(2024, 5, 31)),
                        li),
                IngestProgress.silent());
        var withdrawer = new BatchWithdrawer(fixture.warehouse, Clock.systemUTC());
        var wangAsks = new BatchWithdrawer.Requester("wang", false);

        assertThatThrownBy(() -> withdrawer.withdraw(lis.batchId(), wangAsks, "not mine"))
                .isInstanceOf(WithdrawalRefusedException.class)
                .hasMessageContaining("was sent by li");
        assertThatThrownBy(() -> withdrawer.withdraw(wangs.batchId(), wangAsks, "too late"))
                .isInstanceOf(WithdrawalRefusedException.class)
                .hasMessageContaining("is followed by batch " + lis.batchId())
                .satisfies(e -> assertThat(((WithdrawalRefusedException) e).why())
                        .isEqualTo(WithdrawalRefusedException.Why.NOT_THE_LATEST));
        assertThatThrownBy(() -> withdrawer.withdraw(999, wangAsks, "nothing"))
                .isInstanceOf(WithdrawalRefusedException.class)
                .hasMessageContaining("no batch 999");

        withdrawer.withdraw(lis.batchId(), new BatchWithdrawer.Requester("li", false), "发错文件");
        // li's batch withdrawn, wang's is the district's latest again
        assertThat(withdrawer.withdraw(wangs.batchId(), wangAsks, "也发错了").batchId())
                .isEqualTo(wangs.batchId());
        assertThat(history.list().stream().filter(BatchRecord::withdrawn).map(BatchRecord::batchId))
                .containsExactlyInAnyOrder(wangs.batchId(), lis.batchId());
    }

    @Test
    void aWithdrawalLineCutShortByACrashIsSkippedAndTheNextOneStillReads() throws IOException {
        IngestResult first = ingest(fixture.ledgerCsv("a.csv", Map.of()), LocalDate.of(2024, 5, 31));
        Files.createDirectories(fixture.warehouse.manifestDirectory());
        Files.writeString(fixture.warehouse.withdrawalLog(), "{\"batch_id\":" + first.batchId() + ",\"withdr");

        assertThat(Withdrawals.read(fixture.warehouse).contains(first.batchId()))
                .isFalse();
        new BatchWithdrawer(fixture.warehouse, Clock.systemUTC())
                .withdraw(first.batchId(), BatchWithdrawer.Requester.commandLine(), "after the crash");

        assertThat(Withdrawals.read(fixture.warehouse).of(first.batchId()))
                .hasValueSatisfying(w -> assertThat(w.reason()).isEqualTo("after the crash"));
        assertThat(Files.readAllLines(fixture.warehouse.withdrawalLog())).hasSize(2);
    }

    @Test
    void aFormulaInARejectedCellIsNeutralisedInTheReportButShownAsTypedInThePreview() throws IOException {
        String formula = "=HYPERLINK(\"http://evil.example/\",\"点此\")";
        IngestResult result = fixture.ingest(
                Dataset.LEDGER,
                fixture.ledgerCsv(
                        "formula.csv",
                        Map.of("整改期限", formula),
                        Map.of("隐患编号", "YH-2", "隐患等级", "@SUM(1)"),
                        Map.of("隐患编号", "YH-3", "整改完成日期", "-1+1")));

        assertThat(result.rejected()).isEqualTo(3);
        String report = Files.readString(result.rejectsFile().orElseThrow(), StandardCharsets.UTF_8);
        assertThat(report).contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点此\"\")\",");
        assertThat(report).contains(",'@SUM(1),").contains(",'-1+1,");
        for (String line : report.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell).as(line).doesNotStartWith("=").doesNotStartWith("@");
            }
        }

        List<RejectedRow> preview =
                history.rejectedRows(history.find(result.batchId()).orElseThrow(), 10);
        assertThat(preview).extracting(RejectedRow::value).contains(formula, "@SUM(1)", "-1+1");
    }
}
