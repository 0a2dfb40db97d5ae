package cn.xiaoan.api.server;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code permits} figure queries run at once; the others wait up to {@code waitSeconds} and are then told to
 * retry (503). DuckDB already uses every core for one query, so admitting more only makes each slower.
 */
final class HeavyQueryGate {
    private final Semaphore permits;
    private final long waitSeconds;

    HeavyQueryGate(int permits, long waitSeconds) {
        this.permits = new Semaphore(permits, true);
        this.waitSeconds = waitSeconds;
    }

    Handler around(Handler handler) {
        return ctx -> {
            if (!permits.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
                ctx.header("Retry-After", "5");
                throw new ApiException(
                        503, "busy", "The server is busy with other queries; retry in a few seconds / 服务器繁忙，请稍后重试");
            }
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }
}
