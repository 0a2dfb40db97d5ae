package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the model in the background after uploads added rows, so the dashboards show them without anyone running
 * {@code xiaoan build}. Requests made while a build is waiting join it; one made while a build runs schedules exactly
 * one more, so the last upload is always included. Serving goes on from the published version meanwhile. The build
 * takes the warehouse write lock (waiting behind uploads and command-line writers). A failed build is retried by the
 * next request, and the batch list shows its error until then.
 */
final class ModelRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRefresher.class);

    /** What the refresher is doing, as the API reports it. */
    enum State {
        IDLE,
        SCHEDULED,
        BUILDING
    }

    /** The latest outcome: the version last published here, and the error of the last build if it failed (or null). */
    record Status(State state, Long lastVersion, String lastError) {}

    private final ModelBuilder builder;
    private final Duration quiet;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "xiaoan-model-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicReference<Long> lastVersion = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    /** {@code quiet}: how long to wait after a request before building, so a burst of uploads makes one build. */
    ModelRefresher(ModelBuilder builder, Duration quiet) {
        this.builder = requireNonNull(builder, "builder");
        this.quiet = requireNonNull(quiet, "quiet");
    }

    /** Asks for a rebuild; returns at once. */
    State request() {
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::build);
        }
        return State.SCHEDULED;
    }

    Status status() {
        State state = scheduled.get() ? State.SCHEDULED : building.get() ? State.BUILDING : State.IDLE;
        return new Status(state, lastVersion.get(), lastError.get());
    }

    private void build() {
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        building.set(true);
        scheduled.set(false);
        try {
            ModelVersion version = builder.build();
            lastVersion.set(version.version());
            lastError.set(null);
            LOG.info("Published model version {} after an upload", version.version());
        } catch (RuntimeException e) {
            lastError.set(e.getMessage());
            LOG.warn("Rebuilding the model after an upload failed; the published version keeps serving", e);
        } finally {
            building.set(false);
        }
    }

    /** Lets a running build finish (a half-built model is never published either way). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
