package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.build.BuildEngineChoice;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.domain.Warehouse;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code xiaoan build}: builds a new model version from the raw batches and publishes it atomically. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "构建模型：由全部原始批次计算隐患当前状态与维表，生成新版本并原子发布",
            "Build the model (current state of every hazard, dimensions) as a new version and publish it;"
                    + " with DuckDB in-process, or with Spark (--engine spark) on any master"
        })
public final class BuildCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    WriteOptions writeOptions;

    @Mixin
    KeepOption keepOption;

    BuildCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        BuildEngineChoice engine = engineOptions.choice();
        Warehouse warehouse = components.warehouse(warehouseOption.warehouse);
        ModelVersion version;
        try (var progress = TerminalProgress.working("build", spec)) {
            progress.step(engine.description());
            version = new ModelBuilder(
                            warehouse,
                            components.reference(),
                            Clock.systemUTC(),
                            engine,
                            writeOptions.locks(components),
                            new ModelRetention(warehouse, keepOption.keep))
                    .build(WriteOptions.printingTo(spec.commandLine().getErr()));
        }
        CliOutput.summary(spec)
                .printf(
                        "模型版本 %d 已发布（%d 个批次，%s，%.1f s）/ published model version %d from %d batches with %s%n",
                        version.version(),
                        version.batchIds().size(),
                        engine.description(),
                        (System.nanoTime() - started) / 1e9,
                        version.version(),
                        version.batchIds().size(),
                        engine.description());
        return 0;
    }
}
