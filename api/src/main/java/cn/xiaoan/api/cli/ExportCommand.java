package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.QuestionText;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.ResponsibilityList;
import cn.xiaoan.analytics.service.ResponsibilityListService;
import cn.xiaoan.analytics.service.ResponsibilityQuery;
import cn.xiaoan.api.export.CodeNames;
import cn.xiaoan.api.export.CsvHeader;
import cn.xiaoan.api.export.ExportFormat;
import cn.xiaoan.api.export.ExportLanguage;
import cn.xiaoan.api.export.Provenance;
import cn.xiaoan.api.export.ResponsibilityExports;
import cn.xiaoan.api.export.TableExporter;
import cn.xiaoan.domain.DurableFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xiaoan export responsibility-list}: lists for people, written as CSV or XLSX files. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {"导出清单（CSV 或 XLSX）", "Export lists for people as CSV or XLSX files"},
        subcommands = {ExportCommand.ResponsibilityListCommand.class})
public final class ExportCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The 整改责任清单 as the API's {@code /api/v1/exports/responsibility-list} writes it. */
    @Command(
            name = "responsibility-list",
            mixinStandardHelpOptions = true,
            description = {
                "导出整改责任清单（两个清单之二）：隐患、整改措施、责任单位、责任人、整改期限、整改状态、督办",
                "Export the responsibility list (整改责任清单): hazard, measures, responsible unit and person, deadline,"
                        + " status, 督办"
            })
    static final class ResponsibilityListCommand implements Callable<Integer> {
        private final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WarehouseOption warehouseOption;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "输出文件 Output file (.xlsx or .csv)")
        Path out;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "格式 Format: csv or xlsx (default: from the file name, else xlsx)")
        String format;

        @Option(
                names = "--district",
                paramLabel = "CODE[,CODE]",
                split = ",",
                description = "县区代码 Districts (default: all)")
        List<String> districts = new ArrayList<>();

        @Option(
                names = "--status",
                paramLabel = "STATUS",
                description = "open（截至日期未整改，默认）、all 或状态代码 OPEN,IN_PROGRESS,RECTIFIED,CLOSED"
                        + " / open (open at the as-of date, the default), all, or status codes")
        String status;

        @Option(names = "--supervised", description = "仅挂牌督办的隐患 Only hazards listed for supervision (督办)")
        boolean supervised;

        @Option(
                names = "--as-of",
                paramLabel = "YYYY-MM-DD",
                description = "截止日期 As-of date (default: the latest report date)")
        String asOf;

        @Option(names = "--lang", paramLabel = "zh|en", description = "表头语言 Headings: zh (default) or en")
        String lang;

        @Mixin
        KnowledgeOptions knowledge;

        ResponsibilityListCommand(Components components) {
            this.components = components;
        }

        @Override
        public Integer call() throws IOException {
            ExportFormat exportFormat = format != null ? ExportFormat.fromCode(format) : fromName(out);
            ExportLanguage language = ExportLanguage.fromCode(lang);
            var query = new ResponsibilityQuery(
                    QuestionText.date("--as-of", Optional.ofNullable(asOf)),
                    new LinkedHashSet<>(districts),
                    ResponsibilityQuery.statuses(status),
                    supervised);
            Path target = out.toAbsolutePath();
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            try (FigureService figures = components.figures(components.warehouse(warehouseOption.warehouse))) {
                ResponsibilityList list = new ResponsibilityListService(figures)
                        .list(
                                figures.snapshot(knowledge.knowledge()),
                                query,
                                DistrictScope.city(),
                                ResponsibilityListService.MAX_ROWS);
                var provenance = new Provenance(
                        // the arguments as typed, from the root command on
                        "xiaoan "
                                + String.join(
                                        " ", spec.commandLine().getParseResult().originalArgs()),
                        list.modelVersion().version(),
                        list.modelVersion().batchIds(),
                        System.getProperty("user.name", "-"),
                        "city",
                        OffsetDateTime.now(components.clock()),
                        "-");
                // written aside and renamed, so a failed run never leaves half a list under the asked name
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    new TableExporter()
                            .write(
                                    ResponsibilityExports.table(list, new CodeNames(components.reference()), language),
                                    provenance,
                                    exportFormat,
                                    CsvHeader.HEADINGS,
                                    stream);
                } catch (RuntimeException | IOException e) {
                    Files.deleteIfExists(partial);
                    throw e;
                }
                DurableFiles.publish(partial, target);
                PrintWriter printer = CliOutput.summary(spec);
                printer.printf(
                        "已导出 Wrote %s%n  整改责任清单 %d 项，截至 as of %s；模型版本 model version %d%n",
                        target, list.total(), list.asOf(), list.modelVersion().version());
                printer.flush();
            }
            return 0;
        }

        private static ExportFormat fromName(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                    ? ExportFormat.CSV
                    : ExportFormat.XLSX;
        }
    }
}
