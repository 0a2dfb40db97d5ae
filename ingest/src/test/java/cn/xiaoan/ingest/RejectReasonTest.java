package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rejected row says, by a stable code, what kind of mistake it is, and so what the clerk changes. */
class RejectReasonTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    @Test
    void eachKindOfMistakeHasItsCodeAndFixInTheReportAndTheHistory() {
        IngestResult result = fixture.ingest(
                Dataset.LEDGER,
                fixture.ledgerCsv(
                        "mistakes.csv",
                        Map.of("检查日期", "2024-02-30"),
                        Map.of("隐患类别", "天气"),
                        Map.of("学校标识码", "1499999999"),
                        Map.of("隐患描述", ""),
                        Map.of("整改完成日期", ""),
                        Map.of("整改期限", "2024-03-01"),
                        Map.of("学校标识码", "1.40902E+09")));

        List<RejectedRow> rows = new BatchHistory(fixture.warehouse)
                .rejectedRows(
                        new BatchHistory(fixture.warehouse)
                                .find(result.batchId())
                                .orElseThrow(),
                        100);

        assertThat(rows)
                .extracting(RejectedRow::reason)
                .containsExactly(
                        RejectReason.BAD_DATE,
                        RejectReason.UNKNOWN_TERM,
                        RejectReason.SCHOOL_NOT_REGISTERED,
                        RejectReason.MISSING_VALUE,
                        RejectReason.STATUS_DATES,
                        RejectReason.DATE_ORDER,
                        RejectReason.BAD_SCHOOL_CODE);
        assertThat(rows.get(1).fixZh()).contains("下拉列表");
        assertThat(rows.get(1).fixEn()).contains("drop-down list");
        assertThat(IngestFixture.rejects(result))
                .allSatisfy(line -> assertThat(line).containsKey("reason_code"));
    }

    @Test
    void aReportWrittenBeforeReasonCodesReadsAsOther() throws Exception {
        IngestResult result =
                fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("old.csv", Map.of("检查日期", "2024-02-30")));
        var history = new BatchHistory(fixture.warehouse);
        BatchRecord batch = history.find(result.batchId()).orElseThrow();
        Path report = history.rejects(batch).orElseThrow();
        // the report as written before: the last column dropped from every line
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8).stream()
                .map(line -> line.substring(0, line.lastIndexOf(',')))
                .toList();
        Files.write(report, lines, StandardCharsets.UTF_8);

        List<RejectedRow> rows = history.rejectedRows(batch, 10);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.reason()).isEqualTo(RejectReason.OTHER);
            assertThat(row.reasonEn()).contains("2024-02-30");
        });
    }
}
