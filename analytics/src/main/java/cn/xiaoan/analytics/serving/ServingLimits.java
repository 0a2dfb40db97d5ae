package cn.xiaoan.analytics.serving;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What one figure question may cost the server: at most {@code cellBudget} cells (breakdown members × figures ×
 * points, counted before anything runs), {@code queryTimeout} per serving statement (then it is cancelled), a DuckDB
 * memory limit for the serving database (it spills to the warehouse's {@code tmp/serving} beyond it), and at most
 * {@code answerCacheBytes} of cached answers. After a publish a request waits at most {@code publishWait} for the new
 * version to open (loading its resident tables takes ≈ 30 s at 10M hazards); past it, it is answered from the version
 * served until then.
 */
public record ServingLimits(
        long cellBudget, Duration queryTimeout, String memoryLimit, long answerCacheBytes, Duration publishWait) {
    private static final Pattern MEMORY = Pattern.compile("[1-9][0-9]*(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    public ServingLimits {
        requireNonNull(queryTimeout, "queryTimeout");
        requireNonNull(memoryLimit, "memoryLimit");
        requireNonNull(publishWait, "publishWait");
        if (cellBudget < 1) {
            throw new IllegalArgumentException(
                    "Cannot set the cell budget to " + cellBudget + ": it must be at least 1");
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "Cannot set the query timeout to " + queryTimeout + ": it must be positive");
        }
        if (!MEMORY.matcher(memoryLimit.strip()).matches()) {
            throw new IllegalArgumentException("Cannot set the serving memory limit to \"" + memoryLimit
                    + "\": write a size such as 512MB or 2GB");
        }
        if (answerCacheBytes < 0) {
            throw new IllegalArgumentException("Cannot set the answer cache to " + answerCacheBytes + " bytes");
        }
        if (publishWait.isNegative()) {
            throw new IllegalArgumentException(
                    "Cannot set the wait for a published version to " + publishWait + ": it must not be negative");
        }
    }

    /**
     * 100,000 cells, 10 s per statement, 2 GB of DuckDB memory, 64 MiB of cached answers, 5 s of waiting for a newly
     * published version (a model of 1M hazards opens in ≈ 4 s).
     */
    public static ServingLimits defaults() {
        return new ServingLimits(100_000, Duration.ofSeconds(10), "2GB", 64L * 1024 * 1024, Duration.ofSeconds(5));
    }

    public ServingLimits withCellBudget(long cells) {
        return new ServingLimits(cells, queryTimeout, memoryLimit, answerCacheBytes, publishWait);
    }

    public ServingLimits withQueryTimeout(Duration timeout) {
        return new ServingLimits(cellBudget, timeout, memoryLimit, answerCacheBytes, publishWait);
    }

    public ServingLimits withMemoryLimit(String limit) {
        return new ServingLimits(cellBudget, queryTimeout, limit, answerCacheBytes, publishWait);
    }
}
