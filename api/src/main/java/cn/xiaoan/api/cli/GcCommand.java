package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.analytics.publish.ModelRetention.Plan;
import cn.xiaoan.analytics.publish.ModelRetention.Removal;
import cn.xiaoan.domain.Warehouse;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan gc}: removes model versions and district extracts that retention no longer keeps (each build does the
 * same after publishing); {@code --dry-run} lists them with their sizes instead.
 */
@Command(
        name = "gc",
        mixinStandardHelpOptions = true,
        description = {
            "清理旧模型版本：保留当前版本、之前的 --keep 个版本和报告/导出固定的版本，删除其余版本及其区县提取；--dry-run 只列出",
            "Remove old model versions: keep the published one, the --keep before it and those pinned by reports or"
                    + " exports, remove the rest with their district extracts; --dry-run only lists them"
        })
public final class GcCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Mixin
    WriteOptions writeOptions;

    @Mixin
    KeepOption keepOption;

    @Option(names = "--dry-run", description = "只列出将删除的目录及大小，不删除 List what would be removed and its size")
    boolean dryRun;

    GcCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() {
        Warehouse warehouse = components.warehouse(warehouseOption.warehouse);
        var retention = new ModelRetention(warehouse, keepOption.keep);
        PrintWriter out = spec.commandLine().getOut();
        Plan plan;
        if (dryRun) {
            plan = retention.plan();
        } else {
            plan = retention.collect(
                    writeOptions.locks(components),
                    WriteOptions.printingTo(spec.commandLine().getErr()));
        }
        for (Removal removal : plan.removals()) {
            out.printf(
                    "%s %s  %s  (%s)%n",
                    dryRun ? "将删除 would remove" : "已删除 removed",
                    removal.path(),
                    bytes(removal.bytes()),
                    removal.reason());
        }
        out.printf(
                "%s %d 个目录，%s；保留模型版本 %s / %s %d directories, %s; model versions kept: %s%n",
                dryRun ? "将删除" : "已删除",
                plan.removals().size(),
                bytes(plan.bytes()),
                plan.kept(),
                dryRun ? "would remove" : "removed",
                plan.removals().size(),
                bytes(plan.bytes()),
                plan.kept());
        return 0;
    }

    private static String bytes(long bytes) {
        return bytes < 1024 * 1024 ? bytes + " B" : String.format("%.1f MiB (%d B)", bytes / (1024.0 * 1024.0), bytes);
    }
}
