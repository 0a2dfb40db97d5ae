package cn.xiaoan.api.auth;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long a dashboard session lives: at most {@code absolute} after sign-in whatever its use (a stolen cookie stops
 * working by the end of the day), and {@code idle} after its last request (a forgotten browser signs out).
 */
public record SessionPolicy(Duration idle, Duration absolute) {
    public SessionPolicy {
        requireNonNull(idle, "idle");
        requireNonNull(absolute, "absolute");
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("Cannot set session lifetimes: the idle timeout " + idle
                    + " must be positive and no longer than the absolute lifetime " + absolute);
        }
    }

    /** 2 hours idle, 12 hours at most. */
    public static SessionPolicy defaults() {
        return new SessionPolicy(Duration.ofHours(2), Duration.ofHours(12));
    }
}
