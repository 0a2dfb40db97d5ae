package cn.xiaoan.api.cli.bench;

import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.WarehouseOption;
import cn.xiaoan.domain.Warehouse;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the benchmarks that query a warehouse: how many generated hazards, where they live, or an existing
 * warehouse to measure instead.
 */
final class BenchData {
    @Option(names = "--hazards", defaultValue = "1000000", description = "隐患数 Hazards (default: ${DEFAULT-VALUE})")
    long hazards;

    @Mixin
    WarehouseOption warehouseOption;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "数据目录 Where generated data and their warehouse live (default: data/bench/<bench>-<hazards>);"
                    + " ignored with --warehouse, which measures that warehouse's published model")
    Path workDirectory;

    /** The warehouse given by --warehouse, else a generated one kept under data/bench/{name}-{hazards}. */
    Warehouse warehouse(Components components, String name, PrintWriter out) throws Exception {
        return warehouseOption.warehouse != null
                ? components.warehouse(warehouseOption.warehouse)
                : BenchWarehouse.prepare(components, workDirectory, name, hazards, out);
    }
}
