package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.sql.DataDictionary;
import cn.xiaoan.analytics.sql.DuckDbExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xiaoan export-duckdb FILE}: a DuckDB database of the published model for DBeaver, the DuckDB CLI, JDBC. */
@Command(
        name = "export-duckdb",
        mixinStandardHelpOptions = true,
        description = {
            "导出 DuckDB 数据库文件：事实表为指向当前模型 Parquet 的视图，维表复制入库，表和列带数据字典注释；可只读打开",
            "Export a DuckDB database file: views over the current model's Parquet, dimension tables copied in,"
                    + " data-dictionary comments on every table and column; open it read-only with any client"
        })
public final class ExportDuckDbCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Parameters(index = "0", paramLabel = "FILE", description = "输出的数据库文件 The database file to write")
    Path file;

    @Option(names = "--force", description = "覆盖已存在的文件 Replace the file if it exists")
    boolean force;

    @Option(
            names = "--copy",
            description = "把全部表复制入库，生成可独立使用、不依赖仓库的文件 Copy every table in: a file that stands alone,"
                    + " with no paths into the warehouse (larger)")
    boolean copy;

    ExportDuckDbCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() {
        DuckDbExport.Exported exported;
        try (var progress = TerminalProgress.working("export", spec)) {
            progress.step(copy ? "copy" : "views");
            exported = new DuckDbExport(components.warehouse(warehouseOption.warehouse), DataDictionary.load())
                    .export(file, force, copy, components.clock().instant());
        }
        PrintWriter out = CliOutput.summary(spec);
        out.printf(
                "已导出模型版本 %d 到 %s（%d 个视图，%d 个维表） / exported model version %d to %s"
                        + " (%d views, %d dimension tables)%n"
                        + "只读打开 / open read-only: duckdb -readonly %s%n",
                exported.modelVersion(),
                exported.file(),
                exported.views().size(),
                exported.copiedTables().size(),
                exported.modelVersion(),
                exported.file(),
                exported.views().size(),
                exported.copiedTables().size(),
                exported.file());
        exported.pin()
                .ifPresentOrElse(
                        pin -> out.printf(
                                "视图读取仓库中的模型版本 %d；该版本已为本文件固定保留，删除 %s 即可释放（或用 --copy 导出独立文件）"
                                        + " / the views read model version %d in the warehouse; it is pinned for this"
                                        + " file and kept until %s is deleted (or export with --copy for a file that"
                                        + " stands alone)%n",
                                exported.modelVersion(), pin, exported.modelVersion(), pin),
                        () -> out.printf("全部表已复制入库，本文件可独立使用 / every table is copied in: the file stands" + " alone%n"));
        return 0;
    }
}
