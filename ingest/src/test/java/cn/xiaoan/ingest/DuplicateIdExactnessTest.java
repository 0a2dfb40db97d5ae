package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shared 64-bit hash only nominates a duplicate; the ids themselves decide. */
class DuplicateIdExactnessTest {
    @TempDir
    Path temp;

    @Test
    void keepsDifferentIdsThatShareAHashAndStillRejectsATrueDuplicate() {
        var fixture = new IngestFixture(temp, (school, id) -> 42L);
        fixture.ingestRegister();

        IngestResult result = fixture.ingest(
                Dataset.LEDGER,
                fixture.ledgerCsv(
                        "ledger.csv",
                        Map.of("隐患编号", "YH-1"),
                        Map.of("隐患编号", "YH-2"),
                        Map.of("隐患编号", "YH-3"),
                        Map.of("隐患编号", "YH-2", "隐患描述", "另一个隐患"),
                        Map.of("隐患编号", "", "隐患描述", "无编号隐患"),
                        Map.of("隐患编号", "", "隐患描述", "无编号隐患")));

        assertThat(result.read()).isEqualTo(6);
        assertThat(result.accepted()).isEqualTo(4);
        assertThat(fixture.query("SELECT hazard_id FROM ledger ORDER BY source_row"))
                .extracting(row -> (String) row.get("hazard_id"))
                .hasSize(4)
                .startsWith("YH-1", "YH-2", "YH-3")
                .last()
                .satisfies(id -> assertThat(id).startsWith("auto-"));
        assertThat(IngestFixture.rejects(result))
                .hasSize(2)
                .satisfiesExactly(
                        duplicate -> assertThat(duplicate)
                                .containsEntry("file", "ledger.csv")
                                .containsEntry("row", "5")
                                .containsEntry("column", "隐患编号")
                                .containsEntry("value", "YH-2")
                                .containsEntry("reason_zh", "隐患编号 \"YH-2\" 在本文件中重复（第 3 行已出现）")
                                .containsEntry(
                                        "reason_en", "hazard_id \"YH-2\" appears twice in this file (first at row 3)"),
                        repeated -> assertThat(repeated)
                                .containsEntry("row", "7")
                                .containsEntry("column", "隐患描述")
                                .containsEntry("value", "无编号隐患"));
    }
}
