package cn.xiaoan.api.cli.bench;

import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.WarehouseOption;
import cn.xiaoan.generate.GeneratorBenchmark;
import cn.xiaoan.ingest.bench.BenchmarkFormat;
import cn.xiaoan.ingest.bench.IngestBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xiaoan bench}: performance figures, each as a ratio against a baseline measured in the same run. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {"性能基准（与同一次运行中测得的基线对比）", "Benchmarks, each against a baseline measured in the same run"},
        subcommands = {
            BenchCommand.Generate.class,
            BenchCommand.Ingest.class,
            BenchBuildCommand.class,
            BenchFiguresCommand.class,
            BenchApiCommand.class,
            BenchReportCommand.class,
            BenchUiCommand.class,
            BenchQuestionsCommand.class
        })
public final class BenchCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Generator throughput against DuckDB writing the same number of CSV rows. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = {"生成器吞吐量 vs DuckDB COPY", "Generator hazards/s against DuckDB COPY … TO csv"})
    static final class Generate implements Callable<Integer> {
        private final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WarehouseOption warehouseOption;

        @Option(names = "--hazards", defaultValue = "1000000", description = "隐患数 Hazards (default: ${DEFAULT-VALUE})")
        long hazards;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "临时目录 Scratch directory (default: a temp dir)")
        Path workDirectory;

        Generate(Components components) {
            this.components = components;
        }

        @Override
        public Integer call() throws Exception {
            Path work = workDirectory != null ? workDirectory : Files.createTempDirectory("xiaoan-bench-generate");
            var result = new GeneratorBenchmark(components.reference()).run(work, hazards);
            spec.commandLine().getOut().println(result.describe());
            return 0;
        }
    }

    /** Ledger ingest (validated) against DuckDB converting the same rows from CSV to Parquet. */
    @Command(
            name = "ingest",
            mixinStandardHelpOptions = true,
            description = {
                "台账导入吞吐量（含校验）vs DuckDB read_csv → Parquet；报告所用 JVM 堆上限",
                "Ledger ingest rows/s (validated) against DuckDB read_csv → Parquet; reports the JVM heap limit"
            })
    static final class Ingest implements Callable<Integer> {
        private final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WarehouseOption warehouseOption;

        @Option(
                names = "--rows",
                defaultValue = "1000000",
                description = "台账行数 Ledger rows (default: ${DEFAULT-VALUE})")
        long rows;

        @Option(
                names = "--format",
                paramLabel = "csv|xlsx",
                defaultValue = "csv",
                description = "台账文件格式 Ledger file format: csv or xlsx (default: ${DEFAULT-VALUE})")
        String format;

        @Option(names = "--work-dir", paramLabel = "DIR", description = "临时目录 Scratch directory (default: a temp dir)")
        Path workDirectory;

        @Option(
                names = "--repeat",
                paramLabel = "N",
                defaultValue = "1",
                description = "轮数，取各自最好一轮 Rounds of each, best compared (default: ${DEFAULT-VALUE})")
        int repeats;

        Ingest(Components components) {
            this.components = components;
        }

        @Override
        public Integer call() throws Exception {
            BenchmarkFormat parsed = BenchmarkFormat.parse(format);
            Path work = workDirectory != null ? workDirectory : Files.createTempDirectory("xiaoan-bench-ingest");
            try {
                var result = new IngestBenchmark(components.reference()).run(work, rows, parsed, repeats);
                spec.commandLine().getOut().println(result.describe());
                return 0;
            } finally {
                if (workDirectory == null) {
                    Files.deleteIfExists(work);
                }
            }
        }
    }
}
