package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.ServingLimits;
import cn.xiaoan.api.auth.LoginThrottle;
import cn.xiaoan.api.auth.SessionPolicy;

/**
 * Where the server listens (port 0 picks any free port, see {@link XiaoanServer#port()}), its limits, how long
 * dashboard sessions live, how sign-in attempts are throttled and what one figure question may cost.
 */
public record ServerSettings(
        String host,
        int port,
        ServerLimits limits,
        SessionPolicy sessions,
        LoginThrottle.Policy loginPolicy,
        ServingLimits serving) {
    public ServerSettings {
        requireNonNull(host, "host");
        requireNonNull(limits, "limits");
        requireNonNull(sessions, "sessions");
        requireNonNull(loginPolicy, "loginPolicy");
        requireNonNull(serving, "serving");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Cannot start server: the bind address is blank; use e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "Cannot start server: port " + port + " is not between 0 and 65535 (0 picks a free port)");
        }
    }

    public ServerSettings(String host, int port, ServerLimits limits) {
        this(host, port, limits, SessionPolicy.defaults(), LoginThrottle.Policy.defaults(), ServingLimits.defaults());
    }

    public ServerSettings(String host, int port) {
        this(host, port, ServerLimits.defaults());
    }

    /** These settings with other serving limits. */
    public ServerSettings withServing(ServingLimits newServing) {
        return new ServerSettings(host, port, limits, sessions, loginPolicy, newServing);
    }

    /** These settings with other session lifetimes. */
    public ServerSettings withSessions(SessionPolicy newSessions) {
        return new ServerSettings(host, port, limits, newSessions, loginPolicy, serving);
    }
}
