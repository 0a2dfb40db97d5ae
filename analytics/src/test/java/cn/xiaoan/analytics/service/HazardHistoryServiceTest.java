package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.service.HazardTimeline.Event;
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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hazard reported three times tells its timeline: found, each report, the changes, rectified and closed. */
class HazardHistoryServiceTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-03T00:00:00Z"), ZoneOffset.UTC);
    private static final String SCHOOL = "1409020001";
    private static final String HEADER =
            "隐患编号,学校标识码,学校名称,检查日期,检查方式,检查人/督查组,隐患类别,隐患部位,隐患描述,隐患等级,整改措施,临时防范措施,整改责任人,整改期限,整改状态,整改完成日期,销号日期\n";
    private static final String H1 = "H1,1409020001,忻府区第一中学,2026-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,";

    @TempDir
    Path root;

    @Test
    void tellsFoundEachReportTheChangesRectifiedAndClosedWithTheirBatches() throws IOException {
        Warehouse warehouse = new Warehouse(root.resolve("warehouse"));
        ingest(
                warehouse,
                Dataset.SCHOOLS,
                "schools.csv",
                "学校标识码,学校名称,行政区划代码,学校类型,是否寄宿制,在校生数\n" + SCHOOL + ",忻府区第一中学,140902,初中,是,1200\n",
                "2026-01-01");
        long may = ingest(warehouse, Dataset.LEDGER, "may.csv", HEADER + H1 + "2026-04-01,整改中,,\n", "2026-05-31");
        long june = ingest(
                warehouse, Dataset.LEDGER, "june.csv", HEADER + H1 + "2026-06-15,已整改,2026-06-10,\n", "2026-06-30");
        long july = ingest(
                warehouse,
                Dataset.LEDGER,
                "july.csv",
                HEADER + H1 + "2026-06-15,已销号,2026-06-10,2026-07-20\n",
                "2026-07-31");
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();

        try (var figures = new FigureService(warehouse, REFERENCE, CLOCK)) {
            var service = new HazardHistoryService(figures);
            HazardTimeline timeline = service.timeline(SCHOOL, "H1", DistrictScope.of(Set.of("140902")));

            assertThat(timeline.hazard().status().nameZh()).isEqualTo("已销号");
            assertThat(timeline.hazard().category().nameZh()).isEqualTo("消防安全");
            assertThat(timeline.snapshots())
                    .extracting(s -> s.batchId() + " " + s.reportDate() + " " + s.fileName() + " "
                            + s.status().code())
                    .containsExactly(
                            may + " 2026-05-31 may.csv IN_PROGRESS",
                            june + " 2026-06-30 june.csv RECTIFIED",
                            july + " 2026-07-31 july.csv CLOSED");
            assertThat(timeline.events())
                    .extracting(HazardHistoryServiceTest::line)
                    .containsExactly(
                            "2026-03-05 FOUND null",
                            "2026-05-31 REPORTED " + may,
                            "2026-06-10 RECTIFIED null",
                            "2026-06-30 REPORTED " + june,
                            "2026-06-30 STATUS_CHANGED " + june + " 整改中→已整改",
                            "2026-06-30 DEADLINE_CHANGED " + june + " 2026-04-01→2026-06-15",
                            "2026-07-20 CLOSED null",
                            "2026-07-31 REPORTED " + july,
                            "2026-07-31 STATUS_CHANGED " + july + " 已整改→已销号");

            assertThatThrownBy(() -> service.timeline(SCHOOL, "H1", DistrictScope.of(Set.of("140921"))))
                    .isInstanceOf(UnknownHazardException.class);
            assertThatThrownBy(() -> service.timeline(SCHOOL, "H9", DistrictScope.city()))
                    .isInstanceOf(UnknownHazardException.class);
        }
    }

    private static String line(Event event) {
        String change = event.from() == null
                ? ""
                : " " + event.from().nameZh() + "→" + event.to().nameZh();
        return event.date() + " " + event.kind() + " " + event.batchId() + change;
    }

    private long ingest(Warehouse warehouse, Dataset dataset, String name, String text, String reportDate)
            throws IOException {
        Path file = Files.writeString(root.resolve(name), text);
        IngestResult result = new Ingestor(warehouse, REFERENCE, CLOCK)
                .ingest(
                        new IngestRequest(dataset, file, name, Optional.of(LocalDate.parse(reportDate))),
                        IngestProgress.silent());
        return result.batchId();
    }
}
