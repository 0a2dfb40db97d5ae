package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.analytics.serving.ServingDatabase;
import cn.xiaoan.analytics.serving.ServingModel;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * The model version {@code model/CURRENT} names, opened for serving. The first version opens while the first request
 * waits: there is nothing else to answer from. A version published later opens in the background beside the one
 * served, since opening loads its resident tables (≈ 30 s at 10M hazards); a request waits for it at most the
 * publish wait and is otherwise answered from the previous version, whose stamp says so, until the new one is ready.
 */
final class PublishedModels implements AutoCloseable {
    private final Warehouse warehouse;
    private final ServingDatabase database;
    private final Duration publishWait;
    /** Called with the previous model (null for the first) and the new one when the new one starts being served. */
    private final BiConsumer<ServingModel, ServingModel> switched;

    private final ExecutorService opener = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "xiaoan-model-open");
        thread.setDaemon(true);
        return thread;
    });

    /** The model served; guarded by {@code this}. */
    private ServingModel serving;
    /** A newer version being opened in the background, if any; guarded by {@code this}. */
    private Opening opening;
    /** The CURRENT pointer as last read and the model it named: the lock-free fast path of {@link #current()}. */
    private volatile PointerSeen seen;

    private record PointerSeen(Object fileKey, FileTime modified, ServingModel model) {}

    private record Opening(long version, CompletableFuture<ServingModel> model) {}

    PublishedModels(
            Warehouse warehouse,
            ServingDatabase database,
            Duration publishWait,
            BiConsumer<ServingModel, ServingModel> switched) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.database = requireNonNull(database, "database");
        this.publishWait = requireNonNull(publishWait, "publishWait");
        this.switched = requireNonNull(switched, "switched");
    }

    /**
     * The model to answer from, or empty before any build. A publish renames a new file over CURRENT, so its identity
     * and time tell whether it changed: a stat per call instead of reading it under a lock.
     */
    Optional<ServingModel> current() {
        BasicFileAttributes pointer;
        try {
            pointer = Files.readAttributes(warehouse.currentModelPointer(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + warehouse.currentModelPointer(), e);
        }
        PointerSeen last = seen;
        if (last != null
                && pointer.fileKey() != null
                && pointer.fileKey().equals(last.fileKey())
                && pointer.lastModifiedTime().equals(last.modified())) {
            return Optional.of(last.model());
        }
        return reread(pointer);
    }

    private Optional<ServingModel> reread(BasicFileAttributes pointer) {
        CompletableFuture<ServingModel> pending;
        synchronized (this) {
            OptionalLong current = PublishedModel.currentVersion(warehouse);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            long version = current.getAsLong();
            if (serving == null) {
                serveFirst(version);
            }
            if (serving.version().version() == version) {
                opening = null; // CURRENT went back to the version served: a newer one still opening is not served
                seen = new PointerSeen(pointer.fileKey(), pointer.lastModifiedTime(), serving);
                return Optional.of(serving);
            }
            pending = openInBackground(version);
        }
        // waiting outside the lock: other requests meanwhile check the same opening and wait for it themselves
        try {
            pending.get(publishWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // still opening: answer from the version served until now
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw failedOpening(pending, e.getCause());
        }
        synchronized (this) {
            return Optional.of(serving);
        }
    }

    /** The first version: opened by the calling request, as nothing can answer meanwhile. */
    private void serveFirst(long version) {
        serving = ServingModel.open(database, warehouse, version);
        switched.accept(null, serving);
    }

    /** The opening of {@code version}, started unless it is under way; a superseded opening is left to finish. */
    private CompletableFuture<ServingModel> openInBackground(long version) {
        if (opening == null || opening.version() != version) {
            var started = new Opening(version, new CompletableFuture<>());
            opening = started;
            opener.execute(() -> open(started));
        }
        return opening.model();
    }

    private void open(Opening started) {
        ServingModel model;
        try {
            model = ServingModel.open(database, warehouse, started.version());
        } catch (RuntimeException e) {
            started.model().completeExceptionally(e);
            return;
        }
        synchronized (this) {
            if (opening == started) {
                ServingModel previous = serving;
                serving = model;
                opening = null;
                switched.accept(previous, model);
            } else {
                // CURRENT moved on while this version opened: it is never served
                database.retire(model.schema());
            }
        }
        started.model().complete(model);
    }

    /** A failed opening is reported to the requests waiting for it; the next request tries again. */
    private RuntimeException failedOpening(CompletableFuture<ServingModel> failed, Throwable cause) {
        synchronized (this) {
            if (opening != null && opening.model() == failed) {
                opening = null;
            }
        }
        return cause instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("Cannot open the published model: " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        opener.shutdownNow();
    }
}
