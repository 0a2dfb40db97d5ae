package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.generate.GeneratorOptions;
import cn.xiaoan.generate.OutputFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xiaoan demo}: generate demo data if absent, ingest it, build the model when needed, and serve. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "演示：首次运行时生成演示数据，导入仓库，用 DuckDB 构建模型，并在 http://127.0.0.1:7070 提供风险热力图",
            "Demo: generate demo data if absent, ingest it, build the model with DuckDB and serve the heatmap"
        })
public final class DemoCommand implements Callable<Integer> {
    static final String DEMO_ADMIN = "admin";

    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Mixin
    ListenOptions listen;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "演示数据目录 Demo data directory (default: data/demo under the project)")
    Path dataDirectory;

    @Option(
            names = "--schools",
            defaultValue = "900",
            description = "学校数 Schools to generate (default: ${DEFAULT-VALUE})")
    int schools;

    @Option(
            names = "--hazards",
            defaultValue = "100000",
            description = "隐患数 Unique hazards to generate (default: ${DEFAULT-VALUE})")
    long hazards;

    @Option(names = "--seed", defaultValue = "2024", description = "随机种子 Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    DemoCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDirectory != null
                ? dataDirectory
                : components.home().resolve("data").resolve("demo");
        Warehouse warehouse = components.warehouse(warehouseOption.warehouse);
        var demoData = new DemoData(components);
        List<DemoData.DemoFile> files = demoData.generateIfAbsent(
                data, new GeneratorOptions(data, schools, hazards, seed, EnumSet.of(OutputFormat.CSV)), out);
        boolean changed = demoData.ingestAll(warehouse, files, out);
        if (changed || !Files.exists(warehouse.currentModelPointer())) {
            ModelVersion version = new ModelBuilder(warehouse).build();
            out.printf("模型版本 %d 已发布 / published model version %d%n", version.version(), version.version());
        } else {
            out.println("数据无变化，沿用已发布模型 / nothing new: serving the published model");
        }
        UserStore users = components.users(warehouse);
        if (users.isEmpty()) {
            String password = users.add(DEMO_ADMIN, Role.ADMIN, Scope.city(), Optional.empty());
            out.printf(
                    "演示管理员 demo administrator: %s / %s  (仅显示一次 shown once; stored hashed in %s)%n",
                    DEMO_ADMIN, password, warehouse.root().resolve("security"));
        }
        ServeCommand.serve(components, warehouse, listen.settings(), out);
        return 0;
    }
}
