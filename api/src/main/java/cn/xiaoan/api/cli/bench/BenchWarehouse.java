package cn.xiaoan.api.cli.bench;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.DemoData;
import cn.xiaoan.domain.SchoolRegister;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.generate.GeneratorOptions;
import cn.xiaoan.generate.OutputFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * A built warehouse of generated hazards for the benchmarks that query one, kept under {@code data/bench/<name>-<n>}
 * so later runs skip generating, ingesting and building.
 */
final class BenchWarehouse {
    private static final long SEED = 2024;

    private BenchWarehouse() {}

    static Warehouse prepare(Components components, Path workDirectory, String name, long hazards, PrintWriter out)
            throws Exception {
        Path work = workDirectory != null
                ? workDirectory
                : components.home().resolve("data").resolve("bench").resolve(name + "-" + hazards);
        Files.createDirectories(work);
        Path data = work.resolve("generated");
        int schools = SchoolRegister.loadDemo(components.reference()).size();
        var demoData = new DemoData(components);
        List<DemoData.DemoFile> files = demoData.generateIfAbsent(
                data, new GeneratorOptions(data, schools, hazards, SEED, EnumSet.of(OutputFormat.CSV)), out);
        Warehouse warehouse = new Warehouse(work.resolve("warehouse"));
        if (demoData.ingestAll(warehouse, files, out) || !Files.exists(warehouse.currentModelPointer())) {
            long started = System.nanoTime();
            new ModelBuilder(warehouse).build();
            out.printf("模型已构建 model built in %.1f s%n", (System.nanoTime() - started) / 1e9);
        }
        return warehouse;
    }
}
