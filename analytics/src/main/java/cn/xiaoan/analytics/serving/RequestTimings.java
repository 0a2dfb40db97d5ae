package cn.xiaoan.analytics.serving;

/**
 * Where one request's time went, recorded only when the caller asks for it (the server's {@code Server-Timing}
 * answer, {@code bench questions}): the time its figure SQL spent being planned (prepared) and executed (run and
 * read), the number of statements, and the time its answer spent being serialised. Not thread-safe: one request, one
 * thread.
 */
public final class RequestTimings {
    /*
     * The recorder of the request running on this thread, or none. Static because the serving code that records plan
     * and execute times sits several services below the HTTP handler that reads them, and threading a recorder
     * through every service signature for an opt-in diagnostic would cost more than it explains; a request runs on
     * one thread from its first to its last byte, and begin/end bracket it. When nobody asks, a query pays one
     * ThreadLocal read.
     */
    private static final ThreadLocal<RequestTimings> CURRENT = new ThreadLocal<>();

    private final long startedNanos;
    private long firstQueryNanos = -1;
    private long planNanos;
    private long executeNanos;
    private long serialiseNanos;
    private int statements;

    private RequestTimings(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /** Starts recording this thread's request (replacing any recorder a previous request left). */
    public static RequestTimings begin() {
        var timings = new RequestTimings(System.nanoTime());
        CURRENT.set(timings);
        return timings;
    }

    /** Stops recording on this thread (also when nothing was recorded). */
    public static void end() {
        CURRENT.remove();
    }

    /** The recorder of this thread's request, or {@code null} when the request did not ask for timings. */
    public static RequestTimings current() {
        return CURRENT.get();
    }

    /** A statement of this request started being prepared at {@code startedNanos} and took {@code nanos}. */
    public void planned(long startedNanos, long nanos) {
        if (firstQueryNanos < 0) {
            firstQueryNanos = startedNanos;
        }
        planNanos += nanos;
        statements++;
    }

    public void executed(long nanos) {
        executeNanos += nanos;
    }

    public void serialised(long nanos) {
        serialiseNanos += nanos;
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** When the first statement started, or empty (-1) when the request ran none (e.g. a cached answer). */
    public long firstQueryNanos() {
        return firstQueryNanos;
    }

    public long planNanos() {
        return planNanos;
    }

    public long executeNanos() {
        return executeNanos;
    }

    public long serialiseNanos() {
        return serialiseNanos;
    }

    public int statements() {
        return statements;
    }
}
