package cn.xiaoan.analytics;

import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/** The exclusive writer lock of a warehouse ({@link Warehouse#writeLock()}), held while a build writes. */
final class WarehouseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock without waiting; {@code action} completes the message when another writer holds it. */
    static WarehouseLock acquire(Warehouse warehouse, String action) {
        FileChannel channel = null;
        try {
            Files.createDirectories(warehouse.root());
            channel = FileChannel.open(warehouse.writeLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("Cannot " + action + ": another ingest or build is writing to "
                        + warehouse.root() + " (it holds " + warehouse.writeLock()
                        + "); wait for it to finish, then try again");
            }
            return new WarehouseLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new UncheckedIOException("Cannot " + action + ": cannot lock " + warehouse.writeLock(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel, e);
            throw e;
        }
    }

    @Override
    public void close() {
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the warehouse lock", e);
        }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }
}
