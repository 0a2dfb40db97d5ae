package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.analytics.serving.ServingLimits;
import cn.xiaoan.api.auth.LoginThrottle;
import cn.xiaoan.api.auth.SessionPolicy;
import java.time.Duration;

/**
 * Where the server listens (port 0 picks any free port, see {@link XiaoanServer#port()}), its limits, how long
 * dashboard sessions live, how sign-in attempts are throttled, what one figure question may cost, how long an upload
 * or rebuild waits for another writer of the warehouse ({@code lockWait}) and how many model versions before the
 * published one are kept ({@code keepVersions}).
 */
public record ServerSettings(
        String host,
        int port,
        ServerLimits limits,
        SessionPolicy sessions,
        LoginThrottle.Policy loginPolicy,
        ServingLimits serving,
        Duration lockWait,
        int keepVersions) {
    /** Uploads wait this long for a running build or another upload before answering 503. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(2);

    public ServerSettings {
        requireNonNull(host, "host");
        requireNonNull(limits, "limits");
        requireNonNull(sessions, "sessions");
        requireNonNull(loginPolicy, "loginPolicy");
        requireNonNull(serving, "serving");
        requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative() || keepVersions < 0) {
            throw new IllegalArgumentException("Cannot start server: the lock wait and the versions kept cannot be"
                    + " negative (" + lockWait + ", " + keepVersions + ")");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("Cannot start server: the bind address is blank; use e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "Cannot start server: port " + port + " is not between 0 and 65535 (0 picks a free port)");
        }
    }

    public ServerSettings(String host, int port, ServerLimits limits) {
        this(
                host,
                port,
                limits,
                SessionPolicy.defaults(),
                LoginThrottle.Policy.defaults(),
                ServingLimits.defaults(),
                DEFAULT_LOCK_WAIT,
                ModelRetention.DEFAULT_KEEP);
    }

    public ServerSettings(String host, int port) {
        this(host, port, ServerLimits.defaults());
    }

    /** These settings with other serving limits. */
    public ServerSettings withServing(ServingLimits newServing) {
        return new ServerSettings(host, port, limits, sessions, loginPolicy, newServing, lockWait, keepVersions);
    }

    /** These settings with other session lifetimes. */
    public ServerSettings withSessions(SessionPolicy newSessions) {
        return new ServerSettings(host, port, limits, newSessions, loginPolicy, serving, lockWait, keepVersions);
    }

    /** These settings with another patience for writers and another number of model versions kept. */
    public ServerSettings withWriters(Duration newLockWait, int newKeepVersions) {
        return new ServerSettings(host, port, limits, sessions, loginPolicy, serving, newLockWait, newKeepVersions);
    }
}
