package cn.xiaoan.analytics.build;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelTable;
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
 * hazard_history keeps one row per hazard per standing snapshot: each with its batch, report date and ingest instant;
 * a re-sent file is one more snapshot, and a withdrawn one is none.
 */
class HazardHistoryBuildTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final String HEADER =
            "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,整改责任人,整改期限,整改状态,整改完成日期,销号日期\n";

    @TempDir
    Path root;

    private Warehouse warehouse;

    @BeforeEach
    void register() throws IOException {
        warehouse = new Warehouse(root.resolve("warehouse"));
        Path schools = Files.writeString(
                root.resolve("schools.csv"),
                "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n" + "1409020001,忻府区第一中学,140902,初中,是,1200\n");
        ingest(Dataset.SCHOOLS, schools, "2026-01-01", "2026-01-02T08:00:00Z");
    }

    @Test
    void keepsEverySnapshotOfAHazardWithItsBatchReportDateAndIngestTime() throws Exception {
        Path may = ledger(
                "may.csv",
                "H1,1409020001,忻府区第一中学,2026-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,2026-04-01,整改中,,\n"
                        + "H2,1409020001,忻府区第一中学,2026-04-10,自查,李华,交通安全,校门,无减速带,一般隐患,加装,,李四,2026-05-01,未整改,,\n");
        Path june = ledger(
                "june.csv",
                "H1,1409020001,忻府区第一中学,2026-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,2026-06-15,已整改,2026-06-10,\n"
                        + "H2,1409020001,忻府区第一中学,2026-04-10,自查,李华,交通安全,校门,无减速带,一般隐患,加装减速带,,王五,2026-05-01,整改中,,\n");
        IngestResult mayBatch = ingest(Dataset.LEDGER, may, "2026-05-31", "2026-06-01T02:00:00Z");
        IngestResult juneBatch = ingest(Dataset.LEDGER, june, "2026-06-30", "2026-07-01T02:00:00.123456789Z");
        IngestResult julyResent = ingest(Dataset.LEDGER, june, "2026-07-31", "2026-08-01T02:00:00Z");
        IngestResult augustResent = ingest(Dataset.LEDGER, june, "2026-08-31", "2026-09-01T02:00:00Z");
        new BatchWithdrawer(warehouse, Clock.fixed(Instant.parse("2026-09-02T00:00:00Z"), ZoneOffset.UTC))
                .withdraw(augustResent.batchId(), BatchWithdrawer.Requester.commandLine(), "重复上报");

        ModelVersion version = build();

        assertThat(julyResent.sameRowsAs()).contains(juneBatch.batchId());
        assertThat(query("SELECT hazard_id, snapshot_number, batch_id, report_date, ingested_at, status, deadline,"
                        + " rectified_date, responsible_person FROM read_parquet('" + table(version) + "')"
                        + " ORDER BY hazard_id, snapshot_number"))
                .containsExactly(
                        "H1 1 " + mayBatch.batchId() + " 2026-05-31 2026-06-01T02:00:00.000000Z IN_PROGRESS 2026-04-01"
                                + " null 张三",
                        "H1 2 " + juneBatch.batchId() + " 2026-06-30 2026-07-01T02:00:00.123456Z RECTIFIED 2026-06-15"
                                + " 2026-06-10 张三",
                        "H1 3 " + julyResent.batchId() + " 2026-07-31 2026-08-01T02:00:00.000000Z RECTIFIED"
                                + " 2026-06-15 2026-06-10 张三",
                        "H2 1 " + mayBatch.batchId() + " 2026-05-31 2026-06-01T02:00:00.000000Z OPEN 2026-05-01 null"
                                + " 李四",
                        "H2 2 " + juneBatch.batchId() + " 2026-06-30 2026-07-01T02:00:00.123456Z IN_PROGRESS"
                                + " 2026-05-01 null 王五",
                        "H2 3 " + julyResent.batchId() + " 2026-07-31 2026-08-01T02:00:00.000000Z IN_PROGRESS"
                                + " 2026-05-01 null 王五");
        // the latest snapshot is the current state
        assertThat(query("SELECT h.hazard_id, h.batch_id = c.batch_id AND h.responsible_person = c.responsible_person"
                        + " FROM read_parquet('" + table(version) + "') h JOIN read_parquet('"
                        + ModelFiles.location(warehouse.model(version.version()), ModelTable.CURRENT_HAZARDS)
                        + "') c USING (school_code, hazard_id) WHERE h.snapshot_number = 3 ORDER BY 1"))
                .containsExactly("H1 true", "H2 true");
    }

    private Path ledger(String name, String rows) throws IOException {
        return Files.writeString(root.resolve(name), HEADER + rows);
    }

    private IngestResult ingest(Dataset dataset, Path file, String reportDate, String at) {
        var ingestor = new Ingestor(warehouse, REFERENCE, Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
        return ingestor.ingest(
                new IngestRequest(
                        dataset, file, file.getFileName().toString(), Optional.of(LocalDate.parse(reportDate))),
                IngestProgress.silent());
    }

    private ModelVersion build() {
        return new ModelBuilder(
                        warehouse, REFERENCE, Clock.fixed(Instant.parse("2026-09-03T00:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    private String table(ModelVersion version) {
        return ModelFiles.location(warehouse.model(version.version()), ModelTable.HAZARD_HISTORY)
                .toString();
    }

    private static List<String> query(String sql) throws Exception {
        var rows = new ArrayList<String>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                var values = new ArrayList<String>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getString(i)));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
