package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.publish.ModelPins;
import cn.xiaoan.analytics.report.ReportData;
import cn.xiaoan.analytics.report.ReportDataService;
import cn.xiaoan.analytics.report.ReportFormat;
import cn.xiaoan.analytics.report.ReportKind;
import cn.xiaoan.analytics.report.ReportRequest;
import cn.xiaoan.analytics.report.ReportService;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.api.geo.AreaMap;
import cn.xiaoan.api.geo.ChoroplethPainter;
import cn.xiaoan.api.geo.ReportMapSection;
import cn.xiaoan.domain.DurableFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan report annual|campaign|monthly}: a report written from the published model (or as known at a time),
 * stamped in its document properties; {@code xiaoan report verify FILE} checks one.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        subcommands = ReportVerifyCommand.class,
        description = {
            "生成报告：年度工作总结（annual）、专项行动评估报告（campaign，默认主专项行动）、月报（monthly，仅 xlsx）",
            "Write a report: the annual work summary, a campaign's evaluation (default: the primary campaign), or the"
                    + " monthly brief (xlsx)"
        })
public final class ReportCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Parameters(
            paramLabel = "KIND",
            arity = "0..1",
            description = "报告类型 Report: annual, campaign, monthly (or the subcommand verify FILE)")
    String kind;

    @Option(names = "--year", paramLabel = "YYYY", description = "年度 Year of an annual report (default: this year)")
    Integer year;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "月份 Month of a monthly brief")
    String month;

    @Option(
            names = "--district",
            paramLabel = "CODE",
            description = "县区代码 One district (6-digit code); default: the whole city")
    String district;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "格式 Format: docx or xlsx (default: docx; monthly: xlsx)")
    String format;

    @Option(
            names = "--campaign",
            paramLabel = "ID",
            description = "专项行动编号 The campaign of a campaign report (see campaigns list; default: the primary one)")
    String campaign;

    @Option(names = "--out", paramLabel = "FILE", description = "输出文件 Output file (required)")
    Path out;

    @Mixin
    KnowledgeOptions knowledge;

    ReportCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws IOException {
        if (kind == null || out == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "Give the report KIND and --out FILE, e.g. report annual --year 2026 --out 年报.docx / 请给出报告类型和"
                            + " --out 输出文件");
        }
        ReportKind reportKind = ReportKind.fromCode(kind);
        ReportFormat reportFormat = format != null
                ? ReportFormat.fromCode(format)
                : reportKind == ReportKind.MONTHLY ? ReportFormat.XLSX : ReportFormat.DOCX;
        Optional<YearMonth> reportMonth = Optional.ofNullable(month).map(ReportCommand::month);
        int reportYear = year != null
                ? year
                : reportMonth.map(YearMonth::getYear).orElseGet(() -> YearMonth.now(components.clock())
                        .getYear());
        var request = new ReportRequest(
                reportKind,
                reportYear,
                reportMonth,
                Optional.ofNullable(district),
                reportFormat,
                Optional.ofNullable(campaign));
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Knowledge asked = knowledge.knowledge();
        try (FigureService figures = components.figures(components.warehouse(warehouseOption.warehouse))) {
            var reports = new ReportService(
                    new ReportDataService(figures, components.reference(), components.clock(), components.campaigns()));
            ReportData data;
            // written aside and renamed, so a failed run never leaves half a report under the asked name
            try (OutputStream stream = Files.newOutputStream(partial);
                    var progress = TerminalProgress.working("report", spec)) {
                progress.step(reportKind.name().toLowerCase(java.util.Locale.ROOT) + " " + reportFormat.name());
                var rendered = new ByteArrayOutputStream();
                data = reports.render(figures.snapshot(asked), request, rendered);
                // the city's campaign report gets the county map (一张图), as the HTTP download does; the map is read
                // only then, so an installation whose districts the shipped map does not outline still writes reports
                stream.write(
                        ReportMapSection.applies(data)
                                ? new ReportMapSection(
                                                AreaMap.shipped(
                                                        components.reference().districts()),
                                                new ChoroplethPainter())
                                        .addTo(rendered.toByteArray(), data)
                                : rendered.toByteArray());
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            DurableFiles.publish(partial, target);
            if (!asked.latest()) {
                // a known-at report is rebuilt from its knowledge time whenever it is checked: nothing to pin
                PrintWriter printer = CliOutput.summary(spec);
                printer.printf(
                        "已生成 Wrote %s%n  %s；%s – %s，截至 as of %s；%s%n",
                        target,
                        data.title(),
                        data.period().from(),
                        data.period().to(),
                        data.asOf(),
                        asked.describe());
                printer.flush();
                return 0;
            }
            // The report names its model version; the pin keeps that version so the report can be checked against it.
            Path pin = ModelPins.pin(
                    components.warehouse(warehouseOption.warehouse),
                    data.modelVersion().version(),
                    target.toString(),
                    components.clock().instant());
            PrintWriter printer = CliOutput.summary(spec);
            printer.printf(
                    "已生成 Wrote %s%n  %s；%s – %s，截至 as of %s；模型版本 model version %d%n",
                    target,
                    data.title(),
                    data.period().from(),
                    data.period().to(),
                    data.asOf(),
                    data.modelVersion().version());
            printer.printf(
                    "  模型版本 %d 已为本报告固定保留（删除 %s 可释放） / model version %d is pinned for this report"
                            + " (delete %s to release it)%n",
                    data.modelVersion().version(), pin, data.modelVersion().version(), pin);
            printer.flush();
        }
        return 0;
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--month \"" + text + "\" is not a month: use YYYY-MM, e.g. 2026-10");
        }
    }
}
