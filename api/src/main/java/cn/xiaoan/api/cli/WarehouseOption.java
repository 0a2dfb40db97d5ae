package cn.xiaoan.api.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --warehouse} option every command takes, so several warehouses can live side by side. */
public final class WarehouseOption {
    @Option(
            names = "--warehouse",
            paramLabel = "DIR",
            description = "仓库目录 Warehouse directory (default: $XIAOAN_WAREHOUSE, else data/warehouse)")
    public Path warehouse;
}
