package cn.xiaoan.api.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes turns between this server's writers (uploads and background rebuilds) so that they wait for each other
 * instead of failing on the warehouse's lock file, which stays the guard against other processes.
 */
final class WarehouseWriter {
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Duration patience;

    WarehouseWriter(Duration patience) {
        this.patience = patience;
    }

    /** Runs {@code work} as the only writer of this server, or refuses (503) after waiting the patience out. */
    <T> T exclusively(String what, java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "busy", "Interrupted while waiting to " + what);
        }
        if (!acquired) {
            throw new ApiException(
                    503,
                    "warehouse_busy",
                    "Waited " + patience.toSeconds() + " s for other uploads and rebuilds; retry " + what
                            + " later / 仓库正忙，请稍后重试");
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
