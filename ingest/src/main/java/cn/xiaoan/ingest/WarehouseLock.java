package cn.xiaoan.ingest;

import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/** The exclusive writer lock on {@link Warehouse#writeLock()}; a second writer fails at once instead of waiting. */
final class WarehouseLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private WarehouseLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static WarehouseLock acquire(Warehouse warehouse, String what) throws IOException {
        Files.createDirectories(warehouse.root());
        FileChannel channel =
                FileChannel.open(warehouse.writeLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new WarehouseBusyException("Cannot ingest " + what + ": another ingest or build is running on "
                    + warehouse.root() + " (it holds " + warehouse.writeLock().getFileName()
                    + "); retry when it has finished");
        }
        return new WarehouseLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
