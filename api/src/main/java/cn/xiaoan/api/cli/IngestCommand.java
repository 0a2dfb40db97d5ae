package cn.xiaoan.api.cli;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.IngestResult;
import cn.xiaoan.ingest.Ingestor;
import cn.xiaoan.ingest.ReportDateOutOfRangeException;
import cn.xiaoan.ingest.ReportDateRule;
import cn.xiaoan.ingest.ReportDateSource;
import cn.xiaoan.ingest.UnreadableFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xiaoan ingest}: validates returns and appends them to the warehouse as immutable batches. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "导入报送数据：逐行校验，合格行写入仓库，不合格行写入退回清单；同一文件同一填报日期重复导入不会重复计数，" + "换一个填报日期则记为该期报送（数据不重复存储）",
            "Ingest returns: valid rows become an immutable batch, rejected rows are listed with reasons;"
                    + " the same file for the same report date is a no-op, for another date it records that date's"
                    + " submission without storing the rows again"
        })
public final class IngestCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Mixin
    WriteOptions writeOptions;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "NAME",
            description = "数据集 Dataset: schools, ledger, inspections, surveys, drills")
    String dataset;

    @Option(
            names = "--report-date",
            paramLabel = "YYYY-MM-DD",
            description = "填报日期 Report date, 2000-01-01 to tomorrow (default: the file's 填报日期 cell, else today)")
    LocalDate reportDate;

    @Option(names = "--json", description = "输出 JSON Print one JSON document for the run")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV, XLSX or JSON files")
    List<Path> files;

    IngestCommand(Components components) {
        this.components = components;
    }

    /** What happened to one file: its batch and counts, or why it could not be read ({@code error}). */
    record FileOutcome(
            String file,
            Long batchId,
            boolean alreadyIngested,
            Long sameRowsAs,
            String sha256,
            LocalDate reportDate,
            String reportDateSource,
            long read,
            long accepted,
            long rejected,
            long warned,
            String rejectsFile,
            String error) {
        static FileOutcome of(Path file, IngestResult result) {
            return new FileOutcome(
                    file.toString(),
                    result.batchId(),
                    result.alreadyIngested(),
                    result.sameRowsAs().orElse(null),
                    result.sha256(),
                    result.reportDate(),
                    result.reportDateSource().name(),
                    result.read(),
                    result.accepted(),
                    result.rejected(),
                    result.warned(),
                    result.rejectsFile().map(Path::toString).orElse(null),
                    null);
        }

        static FileOutcome failed(Path file, String error) {
            return new FileOutcome(file.toString(), null, false, null, null, null, null, 0, 0, 0, 0, null, error);
        }
    }

    /** The JSON document of one run. */
    record RunReport(String dataset, List<FileOutcome> files) {}

    @Override
    public Integer call() throws Exception {
        Dataset target = Dataset.fromDirectory(dataset);
        if (reportDate != null) {
            // refused before any file is read: a future or ancient date would win or lose every snapshot comparison
            new ReportDateRule(components.clock()).check(reportDate, ReportDateSource.FLAG);
        }
        var ingestor = new Ingestor(
                components.warehouse(warehouseOption.warehouse),
                components.reference(),
                writeOptions.locks(components),
                components.clock());
        var outcomes = new ArrayList<FileOutcome>();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            try (var progress = TerminalProgress.start(file.getFileName().toString(), 0, spec)) {
                IngestResult result = ingestor.ingest(
                        new IngestRequest(target, file, file.getFileName().toString(), Optional.ofNullable(reportDate)),
                        rows -> progress.stepTo("rows", rows, Math.max(rows, 1)),
                        WriteOptions.printingTo(err));
                outcomes.add(FileOutcome.of(file, result));
                if (!json) {
                    printSummary(CliOutput.summary(spec), result);
                }
            } catch (UnreadableFileException | ReportDateOutOfRangeException e) {
                outcomes.add(FileOutcome.failed(file, e.getMessage()));
                if (!json) {
                    err.println("xiaoan ingest: " + e.getMessage());
                }
            }
        }
        if (json) {
            out.println(components.json().writeValueAsString(new RunReport(target.directory(), outcomes)));
        }
        return outcomes.stream().anyMatch(outcome -> outcome.error() != null) ? 1 : 0;
    }

    static void printSummary(PrintWriter out, IngestResult result) {
        if (result.alreadyIngested()) {
            out.printf(
                    "%s：已导入过，为批次 %d，本次未写入 / already ingested as batch %d, nothing written%n",
                    result.fileName(), result.batchId(), result.batchId());
            return;
        }
        if (result.sameRowsAs().isPresent()) {
            out.printf(
                    "%s → 批次 batch %d（%s，填报日期 report date %s）：与批次 %d 文件相同，记为本期报送，数据不重复存储"
                            + " / same file as batch %d: recorded as this date's submission, no rows stored again%n",
                    result.fileName(),
                    result.batchId(),
                    result.dataset().nameZh(),
                    result.reportDate(),
                    result.sameRowsAs().get(),
                    result.sameRowsAs().get());
            return;
        }
        out.printf(
                "%s → 批次 batch %d（%s，填报日期 report date %s，来源：%s / from %s）%n"
                        + "  读取 read %d，接收 accepted %d，退回 rejected %d，警告 warned %d%n",
                result.fileName(),
                result.batchId(),
                result.dataset().nameZh(),
                result.reportDate(),
                result.reportDateSource().nameZh(),
                result.reportDateSource().nameEn(),
                result.read(),
                result.accepted(),
                result.rejected(),
                result.warned());
        result.rejectsFile().ifPresent(path -> out.printf("  退回清单 rejected rows with reasons: %s%n", path));
    }
}
