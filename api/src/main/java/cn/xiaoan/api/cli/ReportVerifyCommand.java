package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.report.ReportData;
import cn.xiaoan.analytics.report.ReportDataService;
import cn.xiaoan.analytics.report.ReportNumbers;
import cn.xiaoan.analytics.report.ReportService;
import cn.xiaoan.analytics.report.ReportStamp;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.api.geo.AreaMap;
import cn.xiaoan.api.geo.ChoroplethPainter;
import cn.xiaoan.api.geo.ReportMapSection;
import cn.xiaoan.domain.Warehouse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan report verify FILE}: recomputes a report xiaoan wrote from its stamp (the model version when it is
 * still kept, else the model rebuilt from its knowledge time) and compares every number at its place. Exit 0 equal,
 * 1 differences (each printed), 2 a file without a stamp or not a report.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "核验报告：按报告印记（模型版本、已知时间、报告参数）重新计算，逐个比对报告中的数字",
            "Verify a report: recompute it from its stamp (model version, knowledge time, request) and compare every"
                    + " number; exit 0 equal, 1 differences, 2 not a stamped xiaoan report"
        })
public final class ReportVerifyCommand implements Callable<Integer> {
    static final int EQUAL = 0;
    static final int DIFFERENT = 1;
    static final int NOT_A_REPORT = 2;

    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Parameters(paramLabel = "FILE", description = "报告文件 The report (.docx or .xlsx)")
    Path file;

    ReportVerifyCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportNumbers printed;
        try {
            printed = ReportNumbers.read(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) { // not an Office document, or a stamp this xiaoan cannot read
            err.println("无法核验 " + file + "：" + e.getMessage() + " / Cannot verify " + file);
            err.flush();
            return NOT_A_REPORT;
        }
        if (printed.stamp().isEmpty()) {
            err.println("无法核验 " + file + "：没有 xiaoan 报告印记（不是 xiaoan 生成的报告，或生成于印记之前） / Cannot verify "
                    + file + ": it has no xiaoan stamp (not written by xiaoan, or written before reports were"
                    + " stamped)");
            err.flush();
            return NOT_A_REPORT;
        }
        ReportStamp stamp = printed.stamp().get();
        Warehouse warehouse = components.warehouse(warehouseOption.warehouse);
        try (FigureService figures = components.figures(warehouse)) {
            Recomputed again = recompute(figures, stamp);
            out.println("报告 Report: " + file);
            out.println("  印记 Stamp: 模型版本 model version " + stamp.modelVersion() + "；"
                    + stamp.knowledge().describe() + "；"
                    + stamp.request().kind().code() + " " + stamp.request().year()
                    + stamp.request().month().map(m -> " " + m).orElse("")
                    + stamp.request().district().map(d -> " " + d).orElse("") + " "
                    + stamp.request().format().code());
            out.println("  重新计算自 Recomputed from: " + again.source());
            List<ReportNumbers.Difference> differences = printed.differences(again.numbers());
            if (differences.isEmpty()) {
                out.println("equal / 一致");
                out.flush();
                return EQUAL;
            }
            out.println("不一致 " + differences.size() + " 处 / " + differences.size() + " differences:");
            for (ReportNumbers.Difference difference : differences) {
                out.println("  " + difference.location() + "：报告 printed [" + difference.printed() + "]，重算 recomputed ["
                        + difference.recomputed() + "]");
            }
            out.flush();
            return DIFFERENT;
        }
    }

    private record Recomputed(ReportNumbers numbers, String source) {}

    /** The report written again as it was: same model, same knowledge time, same request, same generation day. */
    private Recomputed recompute(FigureService figures, ReportStamp stamp) throws IOException {
        ModelSnapshot snapshot;
        String source;
        if (!stamp.knowledge().latest()) {
            snapshot = figures.snapshot(stamp.knowledge());
            source = stamp.knowledge().describe();
        } else {
            Optional<ModelSnapshot> kept = figures.snapshotOfVersion(stamp.modelVersion());
            if (kept.isPresent()) {
                snapshot = kept.get();
                source = "模型版本 model version " + stamp.modelVersion();
            } else {
                // gc removed the version: its batches are the ones known when it was built
                ModelSnapshot rebuilt = figures.snapshot(Knowledge.knownAt(stamp.builtAt()));
                source = "模型版本 " + stamp.modelVersion() + " 已清理，按其生成时已知的批次重建 / model version " + stamp.modelVersion()
                        + " was removed; rebuilt "
                        + Knowledge.knownAt(stamp.builtAt()).describe();
                snapshot = rebuilt.version().batchIds().equals(stamp.batchIds())
                        ? new ModelSnapshot(
                                rebuilt.model()
                                        .stampedAs(new ModelVersion(
                                                stamp.modelVersion(), stamp.batchIds(), stamp.builtAt())),
                                rebuilt.defaultAsOf())
                        : rebuilt;
            }
        }
        Clock generated = Clock.fixed(
                stamp.generatedOn().atStartOfDay(Knowledge.ZONE).toInstant().plusSeconds(12 * 3600), Knowledge.ZONE);
        var reports = new ReportService(new ReportDataService(figures, components.reference(), generated));
        var rendered = new ByteArrayOutputStream();
        ReportData data = reports.render(snapshot, stamp.request(), rendered);
        byte[] report = new ReportMapSection(
                        AreaMap.shipped(components.reference().districts()), new ChoroplethPainter())
                .addTo(rendered.toByteArray(), data);
        return new Recomputed(ReportNumbers.read(report), source);
    }
}
