package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.serving.ServingLimits;
import cn.xiaoan.api.auth.SessionPolicy;
import cn.xiaoan.api.server.ServerSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Where a serving command listens (loopback by default so nothing is exposed by accident) and what one question and
 * one session may take.
 */
final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "监听地址 Bind address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "端口 Port, 0 = any free (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--cell-budget",
            defaultValue = "100000",
            paramLabel = "CELLS",
            description = "单个问题最多单元格数 Most cells one answer may have (default: ${DEFAULT-VALUE})")
    long cellBudget;

    @Option(
            names = "--query-timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "看板查询时限 Seconds before a figure query is cancelled (default: ${DEFAULT-VALUE})")
    long queryTimeoutSeconds;

    @Option(
            names = "--serving-memory",
            defaultValue = "2GB",
            paramLabel = "SIZE",
            description = "看板查询内存上限 DuckDB memory limit for figure queries (default: ${DEFAULT-VALUE})")
    String servingMemory;

    @Option(
            names = "--publish-wait",
            defaultValue = "5",
            paramLabel = "SECONDS",
            description = "新版本等待时限 Seconds a request waits for a newly published model version to open before it is"
                    + " answered from the previous one (default: ${DEFAULT-VALUE})")
    long publishWaitSeconds;

    @Option(
            names = "--session-idle",
            defaultValue = "120",
            paramLabel = "MINUTES",
            description = "会话空闲超时 Minutes a dashboard session may stay idle, at most 720 (default: ${DEFAULT-VALUE})")
    long sessionIdleMinutes;

    ServerSettings settings() {
        SessionPolicy defaults = SessionPolicy.defaults();
        return new ServerSettings(host, port)
                .withServing(new ServingLimits(
                        cellBudget,
                        Duration.ofSeconds(queryTimeoutSeconds),
                        servingMemory,
                        ServingLimits.defaults().answerCacheBytes(),
                        Duration.ofSeconds(publishWaitSeconds)))
                .withSessions(new SessionPolicy(Duration.ofMinutes(sessionIdleMinutes), defaults.absolute()));
    }
}
