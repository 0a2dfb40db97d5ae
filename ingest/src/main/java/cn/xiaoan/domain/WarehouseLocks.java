package cn.xiaoan.domain;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one writer lock of each warehouse: every write (ingest, build, upload, background rebuild, gc …) runs inside
 * {@code try (var write = locks.acquire(warehouse, "ingest x.csv", progress)) { … }}. A second writer, in this process
 * or another, waits its turn (first come, first served within a process), hearing every few seconds who holds the
 * lock, and gives up after {@link #patience()} with a {@link WarehouseBusyException} that names the holder.
 *
 * <p>Two layers: a fair in-process lock per warehouse, then the OS lock ({@code fcntl}) on {@link Warehouse#writeLock()}
 * through a channel this process opens once and keeps. The holder (pid, command, since) is written beside it in
 * {@link Warehouse#writeLockHolder()}.
 */
public final class WarehouseLocks {
    /** How long a writer waits by default: longer than any build of a city's data takes. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(10);

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 50;

    /*
     * Static on purpose: the OS grants a file lock to the whole process, and closing *any* channel of the lock file
     * releases it (POSIX fcntl semantics). The channel therefore has to be shared by every user of the warehouse in
     * this process, however many WarehouseLocks (each with its own patience) the process makes; a second table would
     * bring back the bug of one writer silently releasing another's lock. It holds no configuration, only that
     * process-wide fact.
     */
    private static final ConcurrentHashMap<Path, Slot> SLOTS = new ConcurrentHashMap<>();

    private final String process;
    private final Duration patience;
    private final Duration progressEvery;
    private final Clock clock;

    /** {@code process} names this program in the holder record, e.g. {@code xiaoan}. */
    public WarehouseLocks(String process, Duration patience) {
        this(process, patience, PROGRESS_EVERY, Clock.systemUTC());
    }

    WarehouseLocks(String process, Duration patience, Duration progressEvery, Clock clock) {
        this.process = requireNonNull(process, "process");
        this.patience = requireNonNull(patience, "patience");
        this.progressEvery = requireNonNull(progressEvery, "progressEvery");
        this.clock = requireNonNull(clock, "clock");
        if (patience.isNegative()) {
            throw new IllegalArgumentException("A lock wait cannot be negative: " + patience);
        }
    }

    /** For code without a composition root at hand (tests, benchmarks): {@code xiaoan}, the default patience. */
    public static WarehouseLocks defaults() {
        return new WarehouseLocks("xiaoan", DEFAULT_PATIENCE);
    }

    /** The same locks, waiting at most {@code patience} (e.g. a command's {@code --wait}). */
    public WarehouseLocks waitingAtMost(Duration patience) {
        return new WarehouseLocks(process, patience, progressEvery, clock);
    }

    /** The same locks, reporting a wait every {@code interval}. */
    public WarehouseLocks reportingEvery(Duration interval) {
        return new WarehouseLocks(process, patience, interval, clock);
    }

    public Duration patience() {
        return patience;
    }

    /**
     * Waits for the warehouse's write lock and holds it until the result is closed. Re-entrant: a thread that already
     * holds it gets a nested hold and the lock is released when the outermost one closes.
     *
     * @param action what the writer does, recorded for whoever waits, e.g. {@code ingest ledger.csv}
     * @throws WarehouseBusyException when the lock stayed held for longer than {@link #patience()}
     */
    public WarehouseWrite acquire(Warehouse warehouse, String action, LockWait progress) {
        requireNonNull(warehouse, "warehouse");
        requireNonNull(action, "action");
        requireNonNull(progress, "progress");
        Slot slot = SLOTS.computeIfAbsent(warehouse.writeLock(), Slot::new);
        if (slot.mutex.isHeldByCurrentThread()) {
            slot.mutex.lock();
            return new WarehouseWrite(warehouse, () -> slot.mutex.unlock());
        }
        var wait = new Wait(warehouse, action, progress);
        try {
            while (!slot.mutex.tryLock(wait.slice(), TimeUnit.MILLISECONDS)) {
                wait.tick();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw wait.interrupted();
        }
        try {
            FileChannel channel = slot.channel(warehouse);
            FileLock lock;
            while ((lock = tryLock(channel)) == null) {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, wait.slice())));
                wait.tick();
            }
            var holder = new LockHolder(
                    ProcessHandle.current().pid(),
                    process + " " + action,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            DurableFiles.replace(
                    warehouse.writeLockHolder(), (holder.toLine() + "\n").getBytes(StandardCharsets.UTF_8));
            FileLock held = lock;
            return new WarehouseWrite(warehouse, () -> {
                try {
                    Files.deleteIfExists(warehouse.writeLockHolder());
                    held.release();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot release the write lock of " + warehouse.root(), e);
                } finally {
                    slot.mutex.unlock();
                }
            });
        } catch (InterruptedException e) {
            slot.mutex.unlock();
            Thread.currentThread().interrupt();
            throw wait.interrupted();
        } catch (IOException e) {
            slot.mutex.unlock();
            throw new UncheckedIOException("Cannot lock " + warehouse.writeLock() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            slot.mutex.unlock();
            throw e;
        }
    }

    /** Who holds the warehouse's write lock now, as far as its record says (empty when nobody or unknown). */
    public static Optional<LockHolder> holder(Warehouse warehouse) {
        try {
            return LockHolder.parse(Files.readString(warehouse.writeLockHolder(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Only code outside this class can hold an overlapping lock in this process; wait as for another process.
            return null;
        }
    }

    /** The time a writer has been waiting, its progress reports and its give-up point. */
    private final class Wait {
        private final Warehouse warehouse;
        private final String action;
        private final LockWait progress;
        private final long started = System.nanoTime();
        private long nextReport;

        Wait(Warehouse warehouse, String action, LockWait progress) {
            this.warehouse = warehouse;
            this.action = action;
            this.progress = progress;
            this.nextReport = started + progressEvery.toNanos();
        }

        /** Milliseconds until the next report or the deadline, whichever comes first (at least 1). */
        long slice() {
            long now = System.nanoTime();
            long until = Math.min(nextReport, started + patience.toNanos());
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - now));
        }

        /** Reports when a report is due; gives up when the patience is spent. */
        void tick() {
            long now = System.nanoTime();
            Duration waited = Duration.ofNanos(now - started);
            if (now - started >= patience.toNanos()) {
                throw timedOut(waited);
            }
            if (now >= nextReport) {
                nextReport = now + progressEvery.toNanos();
                progress.waiting(holder(warehouse), waited);
            }
        }

        private WarehouseBusyException timedOut(Duration waited) {
            Optional<LockHolder> holder = holder(warehouse);
            return new WarehouseBusyException("无法执行 " + action + "：仓库 " + warehouse.root() + " 的写锁由 "
                    + holder.map(LockHolder::describeZh).orElse("另一个写入者持有") + "，已等待 " + waited.toSeconds()
                    + " 秒，未写入任何数据；请待其完成后重试（或用 --wait 加长等待） / Cannot " + action
                    + ": the write lock of " + warehouse.root() + " is held by "
                    + holder.map(LockHolder::describeEn).orElse("another writer") + "; waited "
                    + waited.toSeconds() + " s, nothing was written; retry when it has finished (or wait longer"
                    + " with --wait)");
        }

        private WarehouseBusyException interrupted() {
            return new WarehouseBusyException("Interrupted while waiting to " + action + " on " + warehouse.root()
                    + "; nothing was written / 等待写锁时被中断，未写入任何数据");
        }
    }

    /** One warehouse's in-process lock and the process's one channel of its lock file. */
    private static final class Slot {
        private final Path file;
        private final ReentrantLock mutex = new ReentrantLock(true);
        private FileChannel channel; // touched only by the thread holding mutex
        private Object fileKey;

        Slot(Path file) {
            this.file = file;
        }

        /**
         * The kept channel; reopened only when the lock file itself was replaced (the warehouse was deleted and made
         * anew at the same path), since a lock on the old file would guard nothing. Closing the old channel is safe:
         * this thread holds the mutex, so no lock of this process is held on that file.
         */
        FileChannel channel(Warehouse warehouse) throws IOException {
            Object current = currentKey();
            if (channel != null && channel.isOpen() && current != null && Objects.equals(current, fileKey)) {
                return channel;
            }
            if (channel != null) {
                channel.close();
            }
            Files.createDirectories(warehouse.root());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            fileKey = currentKey();
            return channel;
        }

        private Object currentKey() throws IOException {
            try {
                return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }
}
