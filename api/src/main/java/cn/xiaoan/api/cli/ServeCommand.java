package cn.xiaoan.api.cli;

import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.api.server.ServerSettings;
import cn.xiaoan.domain.Warehouse;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xiaoan serve}: the HTTP API and dashboards over the published model. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {"启动服务：HTTP 接口与数据看板", "Serve the HTTP API and the dashboards"})
public final class ServeCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Mixin
    ListenOptions listen;

    @Mixin
    KeepOption keepOption;

    @Option(
            names = "--lock-wait",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "上传与后台重建等待仓库写锁的最长秒数 Seconds an upload or background rebuild waits for another"
                    + " writer of the warehouse before giving up (default: ${DEFAULT-VALUE})")
    long lockWaitSeconds;

    ServeCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() {
        serve(
                components,
                components.warehouse(warehouseOption.warehouse),
                writerSettings(listen.settings()),
                spec.commandLine().getOut());
        return 0;
    }

    private ServerSettings writerSettings(ServerSettings listening) {
        if (lockWaitSeconds < 0) {
            throw new IllegalArgumentException(
                    "--lock-wait " + lockWaitSeconds + " is negative: give 0 or more seconds");
        }
        return listening.withWriters(Duration.ofSeconds(lockWaitSeconds), keepOption.keep);
    }

    /**
     * Starts the server, prints its address and leaves it running until the JVM is asked to stop (Ctrl-C) or the
     * components are closed.
     */
    static void serve(Components components, Warehouse warehouse, ServerSettings settings, PrintWriter out) {
        UserStore users = components.users(warehouse);
        if (users.isEmpty()) {
            out.println("尚无用户，请先创建管理员 / no users yet: create one with"
                    + " bin/xiaoan users add NAME --role admin (or run bin/xiaoan demo)");
        }
        var server = RunningServer.start(components, warehouse, users, settings);
        components.keepRunning(server);
        out.printf("校安已启动 xiaoan is serving: http://%s:%d/  (Ctrl-C 停止 to stop)%n", settings.host(), server.port());
        out.flush();
    }
}
