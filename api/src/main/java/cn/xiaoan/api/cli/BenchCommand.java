package cn.xiaoan.api.cli;

import cn.xiaoan.api.Components;
import cn.xiaoan.generate.GeneratorBenchmark;
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
        subcommands = {BenchCommand.Generate.class, BenchBuildCommand.class})
final class BenchCommand implements Runnable {
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
}
