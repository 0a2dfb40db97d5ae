package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nil return (零报告): a file with its header and no rows is a submission of 0 rows naming its school. */
class NilReturnIngestTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    private static String nilReturn(String unit) {
        return "学校安全检查记录\n填报单位：" + unit + ",填报日期：2024-05-30\n学校标识码,检查日期,检查方式,检查人/督查组\n";
    }

    @Test
    void acceptsAHeaderWithoutRowsAsASubmissionAndRecordsItsReportingUnit() {
        IngestResult result = fixture.ingest(Dataset.INSPECTIONS, fixture.write("零报告.csv", nilReturn("忻府区实验小学")));

        assertThat(result.read()).isZero();
        assertThat(result.rejected()).isZero();
        assertThat(result.reportDate()).isEqualTo(LocalDate.of(2024, 5, 30));
        BatchRecord batch = new BatchHistory(fixture.warehouse)
                .list().stream()
                        .filter(b -> b.batchId() == result.batchId())
                        .findFirst()
                        .orElseThrow();
        assertThat(batch.withdrawn()).isFalse();
        assertThat(batch.reportingUnit()).contains("忻府区实验小学");
    }

    @Test
    void twoSchoolsNilReturnsForOneDayAreTwoSubmissions() {
        IngestResult first = fixture.ingest(Dataset.INSPECTIONS, fixture.write("a.csv", nilReturn("忻府区实验小学")));
        IngestResult second = fixture.ingest(Dataset.INSPECTIONS, fixture.write("b.csv", nilReturn("忻府区第一中学")));

        assertThat(second.alreadyIngested()).isFalse();
        assertThat(second.batchId()).isNotEqualTo(first.batchId());
    }

    @Test
    void aFileWithoutAReportingUnitRecordsNone() {
        IngestResult result = fixture.ingest(
                Dataset.INSPECTIONS,
                fixture.write("plain.csv", "学校标识码,检查日期,检查方式,检查人/督查组\n1409020001,2024-05-02,自查,张三\n"));

        BatchRecord batch = new BatchHistory(fixture.warehouse)
                .list().stream()
                        .filter(b -> b.batchId() == result.batchId())
                        .findFirst()
                        .orElseThrow();
        assertThat(batch.reportingUnit()).isEqualTo(Optional.empty());
        assertThat(result.accepted()).isEqualTo(1);
    }
}
