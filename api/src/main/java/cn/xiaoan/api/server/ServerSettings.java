package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.api.auth.LoginThrottle;
import cn.xiaoan.api.auth.SessionPolicy;

/**
 * Where the server listens (port 0 picks any free port, see {@link XiaoanServer#port()}), its limits, how long
 * dashboard sessions live and how sign-in attempts are throttled.
 */
public record ServerSettings(
        String host, int port, ServerLimits limits, SessionPolicy sessions, LoginThrottle.Policy loginPolicy) {
    public ServerSettings {
        requireNonNull(host, "host");
        requireNonNull(limits, "limits");
        requireNonNull(sessions, "sessions");
        requireNonNull(loginPolicy, "loginPolicy");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Cannot start server: the bind address is blank; use e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "Cannot start server: port " + port + " is not between 0 and 65535 (0 picks a free port)");
        }
    }

    public ServerSettings(String host, int port, ServerLimits limits) {
        this(host, port, limits, SessionPolicy.defaults(), LoginThrottle.Policy.defaults());
    }

    public ServerSettings(String host, int port) {
        this(host, port, ServerLimits.defaults());
    }
}
