package cn.xiaoan.api.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} requests per user in any sliding {@code window}; the rest get 429 with the seconds to wait.
 * For the expensive routes (SQL, uploads); kept in memory, per server.
 */
final class RateLimiter {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts a request of this user, or throws 429 when they used up the window. */
    synchronized void acquire(String user, String what) {
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(user, key -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            long waitSeconds = Math.max(1, (times.peekFirst() + window.toMillis() - now + 999) / 1000);
            throw new ApiException(
                    429,
                    "rate_limited",
                    "Too many " + what + " requests: at most " + limit + " per " + window.toSeconds() + " s; retry in "
                            + waitSeconds + " s / 请求过于频繁，请 " + waitSeconds + " 秒后重试");
        }
        times.addLast(now);
    }
}
