package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

/** Where the server listens (port 0 picks any free port, see {@link XiaoanServer#port()}) and its limits. */
public record ServerSettings(String host, int port, ServerLimits limits) {
    public ServerSettings {
        requireNonNull(host, "host");
        requireNonNull(limits, "limits");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Cannot start server: the bind address is blank; use e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "Cannot start server: port " + port + " is not between 0 and 65535 (0 picks a free port)");
        }
    }

    public ServerSettings(String host, int port) {
        this(host, port, ServerLimits.defaults());
    }
}
