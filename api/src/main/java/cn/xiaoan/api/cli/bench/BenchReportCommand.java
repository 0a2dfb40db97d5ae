package cn.xiaoan.api.cli.bench;

import cn.xiaoan.analytics.report.ReportData;
import cn.xiaoan.analytics.report.ReportDataService;
import cn.xiaoan.analytics.report.ReportFormat;
import cn.xiaoan.analytics.report.ReportRequest;
import cn.xiaoan.analytics.report.ReportService;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.domain.Warehouse;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan bench report}: the city annual report (DOCX and XLSX) against computing the same figures alone, each
 * run on a fresh figure service so that no answer is served from a cache.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "报告生成耗时（DOCX + XLSX）vs 仅计算同样的指标",
            "City annual report (DOCX + XLSX) time against computing the same figures alone"
        })
final class BenchReportCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "3", description = "运行次数 Runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--year", defaultValue = "2026", description = "年度 Year (default: ${DEFAULT-VALUE})")
    int year;

    @Mixin
    BenchData data;

    BenchReportCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Warehouse warehouse = data.warehouse(components, "figures", out);
        var figuresAlone = new ArrayList<Double>();
        var docx = new ArrayList<Double>();
        var xlsx = new ArrayList<Double>();
        var both = new ArrayList<Double>();
        ReportRequest docxRequest = ReportRequest.annual(year, Optional.empty(), ReportFormat.DOCX);
        ReportRequest xlsxRequest = ReportRequest.annual(year, Optional.empty(), ReportFormat.XLSX);
        for (int run = 0; run < runs; run++) {
            figuresAlone.add(time(warehouse, reports -> reports.gather(docxRequest)));
            docx.add(time(warehouse, reports -> reports.render(docxRequest, OutputStream.nullOutputStream())));
            xlsx.add(time(warehouse, reports -> reports.render(xlsxRequest, OutputStream.nullOutputStream())));
            both.add(time(warehouse, reports -> {
                ReportData data = reports.gather(docxRequest);
                reports.write(data, ReportFormat.DOCX, OutputStream.nullOutputStream());
                reports.write(data, ReportFormat.XLSX, OutputStream.nullOutputStream());
            }));
        }
        double figures = median(figuresAlone);
        double word = median(docx);
        double workbook = median(xlsx);
        out.printf("城市年度报告 City annual report %d, median of %d runs, each on a fresh figure service:%n", year, runs);
        out.printf("  figures alone            %8.2f s%n", figures);
        out.printf("  DOCX (figures + layout)  %8.2f s   ratio %.2f× figures alone%n", word, word / figures);
        out.printf("  XLSX (figures + layout)  %8.2f s   ratio %.2f× figures alone%n", workbook, workbook / figures);
        double report = median(both);
        out.printf("  DOCX + XLSX, one gathering %6.2f s   ratio %.2f× figures alone%n", report, report / figures);
        out.printf(
                "  heap: max %d MiB, peak used %d MiB%n", Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
        out.flush();
        return 0;
    }

    @FunctionalInterface
    private interface Work {
        void run(ReportService reports) throws Exception;
    }

    private double time(Warehouse warehouse, Work work) throws Exception {
        try (var figures = new FigureService(warehouse, components.reference(), components.clock())) {
            var reports = new ReportService(new ReportDataService(figures, components.reference(), components.clock()));
            figures.modelVersion(); // open the model outside the timing, as a running server has it open
            long started = System.nanoTime();
            work.run(reports);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
