package cn.xiaoan.api.cli.bench;

import cn.xiaoan.analytics.bench.FiguresBenchmark;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.domain.Warehouse;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan bench figures}: dashboard questions answered from every hazard (baseline) and from the month cube, on
 * a generated warehouse kept under {@code data/bench/} so later runs skip generating and ingesting.
 */
@Command(
        name = "figures",
        mixinStandardHelpOptions = true,
        description = {"指标查询耗时：逐条隐患（基线）vs 月度汇总立方体", "Figure query time: every hazard (baseline) against the month cube"
        })
final class BenchFiguresCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "每题运行次数 Runs per question (default: ${DEFAULT-VALUE})")
    int runs;

    @Mixin
    BenchData data;

    BenchFiguresCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Warehouse warehouse = data.warehouse(components, "figures", out);
        try (var figures = new FigureService(warehouse, components.reference())) {
            out.print(new FiguresBenchmark(figures, warehouse).run(runs).describe());
        }
        out.flush();
        return 0;
    }
}
