package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.build.BatchChange;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.QuestionText;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.KnowledgeComparison;
import cn.xiaoan.api.output.FigureTableOutput;
import cn.xiaoan.api.output.KnowledgeChangesOutput;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xiaoan figures}: every figure for a period and as-of date, broken down and filtered, as the API serves. */
@Command(
        name = "figures",
        mixinStandardHelpOptions = true,
        description = {
            "计算指标：按期间与截止日期，按任意维度分组、筛选，输出全部指标（与 /api/v1/figures 相同）",
            "Compute every figure for a period and as-of date, broken down and filtered (the rows /api/v1/figures"
                    + " serves)"
        })
public final class FiguresCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format {
        json,
        csv
    }

    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "期间起 Period start (with --to)")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "期间止 Period end (with --from)")
    String to;

    @Option(
            names = "--as-of",
            paramLabel = "YYYY-MM-DD",
            description = "截止日期 As-of date (default: the period's end, else the latest report date)")
    String asOf;

    @Option(
            names = "--by",
            paramLabel = "DIMS",
            split = ",",
            description = "分组维度 Breakdown: district, school_type, boarding, category, severity, inspection_type,"
                    + " and one of month, quarter, year (comma separated)")
    List<String> by = new ArrayList<>();

    @Option(
            names = "--filter",
            paramLabel = "DIM=CODE[,CODE]",
            description = "筛选 Filter, repeatable, e.g. --filter district=140902 --filter severity=MAJOR")
    List<String> filters = new ArrayList<>();

    @Mixin
    KnowledgeOptions knowledge;

    @Option(
            names = "--compare-known-at",
            paramLabel = "TIME",
            description = "与当时已知比较 List every figure that changed since TIME (as known at --known-at, default"
                    + " now) and the batches responsible")
    String compareKnownAt;

    @Option(
            names = "--compare-reported-by",
            paramLabel = "YYYY-MM-DD",
            description =
                    "与填报日期比较 Compare with the figures as reported by DATE (with or without" + " --compare-known-at)")
    String compareReportedBy;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "输出格式 Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format = Format.csv;

    FiguresCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Question request = QuestionText.parse(
                QuestionText.Spelling.COMMAND_LINE,
                Optional.ofNullable(from),
                Optional.ofNullable(to),
                Optional.ofNullable(asOf),
                by,
                filters);
        Knowledge asked = knowledge.knowledge();
        Warehouse warehouse = components.warehouse(warehouseOption.warehouse);
        try (FigureService figures = components.figures(warehouse)) {
            PrintWriter out = spec.commandLine().getOut();
            if (compareKnownAt != null || compareReportedBy != null) {
                Knowledge earlier = QuestionText.knowledge(
                        QuestionText.Spelling.COMMAND_LINE,
                        Optional.ofNullable(compareKnownAt),
                        Optional.ofNullable(compareReportedBy));
                var result = new KnowledgeComparison(figures).compare(request, asked, earlier);
                List<BatchChange> batches = BatchChange.between(warehouse, earlier, asked);
                if (format == Format.json) {
                    out.println(components.json().writeValueAsString(KnowledgeChangesOutput.json(result, batches)));
                } else {
                    out.print(KnowledgeChangesOutput.csv(result, batches));
                }
                out.flush();
                return 0;
            }
            FigureTable table = figures.figures(figures.snapshot(asked), request);
            if (format == Format.json) {
                out.println(components.json().writeValueAsString(FigureTableOutput.json(table)));
            } else {
                out.print(FigureTableOutput.csv(table));
            }
            out.flush();
        }
        return 0;
    }
}
