package cn.xiaoan.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands accepted rows, already encoded, from the thread that validates to a thread that appends them to the batch's
 * part files ({@link BatchWriter}), so file writes and part hand-overs never hold up validating. A few {@link RowBatch}es circulate between the two (memory stays flat whatever
 * the file size); a failure on the writing side stops the reading side at its next hand-over.
 */
final class WritePipeline implements AutoCloseable {
    private static final int IN_FLIGHT = 4;
    private static final long POLL_MILLIS = 50;

    private final BatchWriter writer;
    private final BlockingQueue<RowBatch> filled = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
    private final BlockingQueue<RowBatch> empty = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final RowBatch end = new RowBatch();
    private final Thread thread;
    private volatile Exception failure;
    private RowBatch current;
    private boolean finished;

    WritePipeline(BatchWriter writer) {
        this.writer = writer;
        for (int i = 0; i < IN_FLIGHT - 1; i++) {
            empty.add(new RowBatch());
        }
        this.current = new RowBatch();
        this.thread = new Thread(this::drain, "xiaoan-ingest-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The batch to record the next accepted row into; full batches are handed over on {@link #rowDone}. */
    RowBatch current() {
        return current;
    }

    void rowDone() throws SQLException {
        if (current.isFull()) {
            handOver(current);
            current = take(empty);
        }
    }

    /** Hands over the last rows and waits until every row is appended. */
    void finish() throws SQLException {
        if (!current.isEmpty()) {
            handOver(current);
        }
        handOver(end);
        finished = true;
        join();
        rethrowFailure();
    }

    private void drain() {
        try {
            while (true) {
                RowBatch batch = filled.take();
                if (batch == end) {
                    return;
                }
                writer.write(batch);
                batch.clear();
                empty.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
    }

    private void handOver(RowBatch batch) throws SQLException {
        try {
            while (!filled.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private RowBatch take(BlockingQueue<RowBatch> queue) throws SQLException {
        try {
            RowBatch batch;
            while ((batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                rethrowFailure();
            }
            return batch;
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private void rethrowFailure() throws SQLException {
        Exception e = failure;
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (!thread.isAlive() && !finished) {
            throw new UncheckedIOException(new IOException("Cannot ingest: the writer thread stopped unexpectedly"));
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("Cannot ingest: interrupted while appending rows", e);
    }

    /** Stops the writer thread if the reading side failed before {@link #finish}. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
