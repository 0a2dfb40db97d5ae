package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A district clerk may only submit data for their own district's schools; the rest is rejected, never dropped. */
class DistrictSubmitterTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
    }

    @Test
    void rejectsLedgerRowsOfSchoolsInAnotherDistrictAndKeepsTheOwnDistrictsRows() {
        fixture.ingestRegister();
        Path file = fixture.ledgerCsv(
                "ledger.csv",
                Map.of(),
                Map.of("学校标识码", "1409210001", "学校名称", "定襄县城关幼儿园"),
                Map.of("学校标识码", "1409020002", "学校名称", "忻府区实验小学"));

        IngestResult result = fixture.ingestor.ingest(
                new IngestRequest(
                        Dataset.LEDGER,
                        file,
                        "ledger.csv",
                        Optional.empty(),
                        new Submitter("xinfu-clerk", Optional.of("140902"))),
                IngestProgress.silent());

        assertThat(result.read()).isEqualTo(3);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(IngestFixture.rejects(result)).singleElement().satisfies(reject -> assertThat(reject)
                .containsEntry("row", "3")
                .containsEntry("column", "学校标识码")
                .containsEntry("value", "1409210001")
                .hasEntrySatisfying("reason_zh", reason -> assertThat(reason).contains("不属于本辖区"))
                .hasEntrySatisfying("reason_en", reason -> assertThat(reason).contains("140902")));
        assertThat(fixture.query("SELECT DISTINCT school_code FROM ledger ORDER BY 1"))
                .containsExactly(Map.of("school_code", "1409020001"), Map.of("school_code", "1409020002"));
    }

    @Test
    void rejectsRegisterRowsOfAnotherDistrict() {
        IngestResult result = fixture.ingestor.ingest(
                new IngestRequest(
                        Dataset.SCHOOLS,
                        fixture.resource("schools.csv"),
                        "schools.csv",
                        Optional.empty(),
                        new Submitter("dingxiang-clerk", Optional.of("140921"))),
                IngestProgress.silent());

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(2);
        assertThat(IngestFixture.rejects(result))
                .extracting(reject -> reject.get("value"))
                .containsExactly("140902", "140902");
    }

    @Test
    void letsACitySubmitterReportForEveryDistrict() {
        fixture.ingestRegister();
        Path file = fixture.ledgerCsv("ledger.csv", Map.of(), Map.of("学校标识码", "1409210001", "学校名称", "定襄县城关幼儿园"));

        IngestResult result = fixture.ingestor.ingest(IngestRequest.of(Dataset.LEDGER, file), IngestProgress.silent());

        assertThat(result.accepted()).isEqualTo(2);
    }

    @Test
    void recordsTheSubmitterInTheBatchHistory() {
        fixture.ingestRegister();
        Path file = fixture.ledgerCsv("ledger.csv", Map.of(), Map.of("学校标识码", "1409210001", "学校名称", "定襄县城关幼儿园"));
        IngestResult result = fixture.ingestor.ingest(
                new IngestRequest(
                        Dataset.LEDGER,
                        file,
                        "台账.csv",
                        Optional.empty(),
                        new Submitter("xinfu-clerk", Optional.of("140902"))),
                IngestProgress.silent());

        var history = new BatchHistory(fixture.warehouse);

        assertThat(history.list()).extracting(BatchRecord::batchId).containsExactly(result.batchId(), 1L);
        BatchRecord batch = history.find(result.batchId()).orElseThrow();
        assertThat(batch.submitter()).isEqualTo(new Submitter("xinfu-clerk", Optional.of("140902")));
        assertThat(batch.fileName()).isEqualTo("台账.csv");
        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(batch.hasRejects()).isTrue();
        assertThat(history.rejects(batch)).contains(result.rejectsFile().orElseThrow());
        assertThat(history.find(1).orElseThrow().submitter()).isEqualTo(Submitter.commandLine());
        assertThat(history.find(99)).isEmpty();
        assertThat(history.rejectedRows(batch, 10)).singleElement().satisfies(row -> {
            assertThat(row.file()).isEqualTo("台账.csv");
            assertThat(row.row()).isEqualTo(3);
            assertThat(row.column()).isEqualTo("学校标识码");
            assertThat(row.value()).isEqualTo("1409210001");
            assertThat(row.reasonZh()).contains("不属于本辖区");
        });
        assertThat(history.rejectedRows(batch, 0)).isEmpty();
    }
}
