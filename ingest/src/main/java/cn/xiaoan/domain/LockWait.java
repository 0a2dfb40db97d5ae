package cn.xiaoan.domain;

import java.time.Duration;
import java.util.Optional;

/** Told every few seconds while a writer waits for the warehouse lock, so a terminal can say who it waits for. */
@FunctionalInterface
public interface LockWait {
    /** {@code holder} is empty when the holder has not recorded itself yet (it has just taken the lock). */
    void waiting(Optional<LockHolder> holder, Duration waited);

    static LockWait silent() {
        return (holder, waited) -> {};
    }

    /** The bilingual progress line a command line prints. */
    static String line(Optional<LockHolder> holder, Duration waited) {
        return "等待仓库写锁："
                + holder.map(LockHolder::describeZh).orElse("另一个写入者持有")
                + "，已等待 " + waited.toSeconds() + " 秒 / waiting for the warehouse lock held by "
                + holder.map(LockHolder::describeEn).orElse("another writer") + ", waited "
                + waited.toSeconds() + " s";
    }
}
