package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
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
import java.util.Optional;

/**
 * A hand-made ledger sent twice through ingest: in April without the 责任单位 and 督办 columns (as every ledger before
 * them), in May with them (under the aliases 责任部门, 是否督办, 督办单位, 挂牌日期). One school of 忻府区 (140902):
 *
 * <pre>
 * hazard  batch  severity  found       deadline    state at 2026-06-30  责任单位   督办
 * M1      April  MAJOR     2026-03-01  2026-07-31  open                 (none)      -
 * M2      April  MAJOR     2026-03-10  -           open                 (none)      -
 * M3      May    MAJOR     2026-04-01  2026-08-01  open                 后勤科      是, 市教育局, 04-05
 * M4      May    MAJOR     2026-04-15  -           open                 (blank)     市级挂牌督办
 * M5      May    MAJOR     2026-04-20  -           rectified 05-20      (blank)     -
 * G1      May    GENERAL   2026-04-25  -           open                 (blank)     -
 * </pre>
 */
final class DutyLedger {
    static final ReferenceData REFERENCE = ReferenceData.load();
    private static final String OLD_HEADER = "隐患编号,学校标识码,检查日期,检查方式,隐患类别,隐患描述,隐患等级,整改责任人,整改期限,整改状态,整改完成日期\n";
    private static final String NEW_HEADER =
            "隐患编号,学校标识码,检查日期,检查方式,隐患类别,隐患描述,隐患等级,整改责任人,整改期限,整改状态,整改完成日期,责任部门,是否督办,督办单位,挂牌日期\n";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

    private DutyLedger() {}

    /** Ingests both ledgers into a warehouse under {@code root}, builds the model and serves it. */
    static FigureService build(Path root) throws IOException {
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
                                + "M3,1409020001,2026-04-01,督查,校舍,外墙脱落,重大,王五,2026-08-01,整改中,,后勤科,是,市教育局,2026-04-05\n"
                                + "M4,1409020001,2026-04-15,督查,校舍,围墙倾斜,重大,赵六,,未整改,,,市级挂牌督办,,\n"
                                + "M5,1409020001,2026-04-20,自查,用电,配电箱无锁,重大,孙七,,已整改,2026-05-20,,,,\n"
                                + "G1,1409020001,2026-04-25,自查,交通安全,无减速带,一般,周八,,未整改,,,,,\n"),
                "2026-05-31");
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        return new FigureService(warehouse, REFERENCE, CLOCK);
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
}
