package cn.xiaoan.api.cli;

import cn.xiaoan.domain.LockWait;
import cn.xiaoan.domain.WarehouseLocks;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait}: how long a writing command waits for another writer of the warehouse, saying whom it waits for. */
final class WriteOptions {
    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "600",
            description = "另一写入者持有仓库写锁时最多等待的秒数 Seconds to wait for another writer of the warehouse"
                    + " (ingest, build, upload, gc) before giving up (default: ${DEFAULT-VALUE})")
    long waitSeconds;

    WarehouseLocks locks(Components components) {
        if (waitSeconds < 0) {
            throw new IllegalArgumentException("--wait " + waitSeconds + " is negative: give 0 or more seconds");
        }
        return components.locks().waitingAtMost(Duration.ofSeconds(waitSeconds));
    }

    /** Prints a progress line to {@code err} every few seconds while waiting. */
    static LockWait printingTo(PrintWriter err) {
        return (holder, waited) -> {
            err.println(LockWait.line(holder, waited));
            err.flush();
        };
    }
}
