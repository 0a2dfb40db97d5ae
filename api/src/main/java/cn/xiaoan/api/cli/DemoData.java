package cn.xiaoan.api.cli;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.generate.Generator;
import cn.xiaoan.generate.GeneratorOptions;
import cn.xiaoan.generate.OutputFormat;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.IngestResult;
import cn.xiaoan.ingest.Ingestor;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Generated CSV returns, made once and ingested idempotently: the data of {@code demo} and of the benchmarks. */
public final class DemoData {
    private final Components components;

    public DemoData(Components components) {
        this.components = components;
    }

    /** One generated file to ingest, as listed in {@code generated.json}. */
    public record DemoFile(Dataset dataset, Path path, LocalDate reportDate) {}

    /** Generates CSV returns into {@code data} unless its {@code generated.json} exists; lists the files. */
    public List<DemoFile> generateIfAbsent(Path data, GeneratorOptions options, PrintWriter out) throws Exception {
        Path index = data.resolve(Generator.MANIFEST);
        if (!Files.exists(index)) {
            out.printf("生成演示数据 generating demo data into %s ...%n", data);
            out.flush();
            try (var progress = TerminalProgress.start("generate", options.hazards(), CliOutput.interactive())) {
                GenerateCommand.generate(components, options, progress);
            }
        }
        return readIndex(data, index);
    }

    /** The CSV files of {@code generated.json} in the order it lists them (register first, snapshots by date). */
    private List<DemoFile> readIndex(Path data, Path index) throws IOException {
        JsonNode root = components.json().readTree(index.toFile());
        LocalDate lastReportDate = LocalDate.MIN;
        for (JsonNode date : root.path("report_dates")) {
            lastReportDate = LocalDate.parse(date.asText());
        }
        var files = new ArrayList<DemoFile>();
        for (JsonNode file : root.path("files")) {
            if (!file.path("format").asText().equals(OutputFormat.CSV.name())) {
                continue;
            }
            // Non-snapshot returns are dated with the last snapshot so the demo is the same on every run.
            LocalDate reportDate = file.path("report_date").isTextual()
                    ? LocalDate.parse(file.path("report_date").asText())
                    : lastReportDate;
            files.add(new DemoFile(
                    Dataset.valueOf(file.path("dataset").asText()),
                    data.resolve(file.path("file").asText()),
                    reportDate));
        }
        return files;
    }

    /** Ingests every file; already-ingested files are recognised by their bytes. Returns whether anything was new. */
    public boolean ingestAll(Warehouse warehouse, List<DemoFile> files, PrintWriter out) {
        var ingestor = new Ingestor(warehouse, components.reference(), components.clock());
        boolean changed = false;
        for (DemoFile file : files) {
            IngestResult result = ingestor.ingest(
                    new IngestRequest(
                            file.dataset(),
                            file.path(),
                            file.path().getFileName().toString(),
                            Optional.of(file.reportDate())),
                    IngestProgress.silent());
            IngestCommand.printSummary(out, result);
            changed |= !result.alreadyIngested();
        }
        out.flush();
        return changed;
    }
}
