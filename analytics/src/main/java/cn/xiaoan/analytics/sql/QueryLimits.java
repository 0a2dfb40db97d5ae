package cn.xiaoan.analytics.sql;

import java.time.Duration;

/**
 * How many rows a query may return, how many bytes of cell text (so that a few huge text columns cannot fill the
 * heap within the row cap), and how long it may run before it is cancelled.
 */
public record QueryLimits(int maxRows, Duration timeout, long maxBytes) {
    public static final int DEFAULT_MAX_ROWS = 1_000;
    public static final int MAX_ROWS_CEILING = 100_000;
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    public static final Duration TIMEOUT_CEILING = Duration.ofMinutes(10);
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    public QueryLimits {
        if (maxRows < 1 || maxRows > MAX_ROWS_CEILING) {
            throw new IllegalArgumentException("最大行数应在 1 到 " + MAX_ROWS_CEILING + " 之间，而不是 " + maxRows
                    + " / max rows must be between 1 and " + MAX_ROWS_CEILING + ", not " + maxRows);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(TIMEOUT_CEILING) > 0) {
            throw new IllegalArgumentException("超时应在 0 到 " + TIMEOUT_CEILING.toSeconds() + " 秒之间，而不是 "
                    + timeout.toMillis() + " ms / the timeout must be more than 0 and at most "
                    + TIMEOUT_CEILING.toSeconds() + " s, not " + timeout.toMillis() + " ms");
        }
        if (maxBytes < 1 || maxBytes > DEFAULT_MAX_BYTES) {
            throw new IllegalArgumentException("结果字节上限应在 1 到 " + DEFAULT_MAX_BYTES + " 之间，而不是 " + maxBytes
                    + " / the byte cap must be between 1 and " + DEFAULT_MAX_BYTES + ", not " + maxBytes);
        }
    }

    /** Rows and a timeout with the default byte cap of 16 MiB. */
    public QueryLimits(int maxRows, Duration timeout) {
        this(maxRows, timeout, DEFAULT_MAX_BYTES);
    }

    public static QueryLimits defaults() {
        return new QueryLimits(DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT);
    }
}
