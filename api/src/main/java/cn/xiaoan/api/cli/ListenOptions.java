package cn.xiaoan.api.cli;

import cn.xiaoan.api.server.ServerSettings;
import picocli.CommandLine.Option;

/** Where a serving command listens; loopback by default so nothing is exposed by accident. */
final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "监听地址 Bind address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "端口 Port, 0 = any free (default: ${DEFAULT-VALUE})")
    int port;

    ServerSettings settings() {
        return new ServerSettings(host, port);
    }
}
