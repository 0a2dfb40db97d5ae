package cn.xiaoan.api.cli.bench;

import cn.xiaoan.analytics.bench.BuildBenchmark;
import cn.xiaoan.analytics.bench.BuildBenchmarkResult;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.WarehouseOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xiaoan bench build}: the model build with Spark against DuckDB on the same generated warehouse. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "模型构建耗时：Spark 与 DuckDB（基线）对同一生成仓库构建，并核对结果一致",
            "Model build time of Spark against DuckDB (the baseline) on the same generated warehouse; checks the"
                    + " models are identical"
        })
final class BenchBuildCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Option(names = "--hazards", defaultValue = "200000", description = "隐患数 Hazards (default: ${DEFAULT-VALUE})")
    long hazards;

    @Option(
            names = "--master",
            paramLabel = "URL",
            defaultValue = "local[2]",
            description = "Spark 主节点 Spark master URL (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "临时目录 Scratch directory (default: a temp dir)")
    Path workDirectory;

    BenchBuildCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        Path work = workDirectory != null ? workDirectory : Files.createTempDirectory("xiaoan-bench-build");
        BuildBenchmarkResult result = new BuildBenchmark(components.reference()).run(work, hazards, master);
        spec.commandLine().getOut().println(result.describe());
        return result.identical() ? 0 : 1;
    }
}
