package cn.xiaoan.domain;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The on-disk layout of a warehouse; every module resolves paths through it so the layout is written down once.
 *
 * <pre>
 * raw/&lt;dataset&gt;/batch=&lt;id&gt;/part-&lt;n&gt;.parquet accepted rows, never rewritten
 * rejects/&lt;dataset&gt;/batch=&lt;id&gt;.csv          rejected rows with reasons
 * manifest/batch-&lt;id&gt;.json                   one entry per batch
 * manifest/withdrawals.jsonl                  withdrawn batches (append-only: who, when, why)
 * model/v=&lt;n&gt;/...                            built model versions
 * model/CURRENT                               the published version number
 * schools/moves.jsonl                         moves of schools between districts, append-only
 * model/pins/v=&lt;n&gt;/&lt;pin&gt;.json                 versions kept for reports
 * scopes/v=&lt;n&gt;/district=&lt;code&gt;/...            district extracts for analyst SQL
 * quarantine/...                              unreadable manifests and parts, with notes
 * </pre>
 */
public record Warehouse(Path root) {
    static final String LOCK_FILE_NAME = ".lock";

    public Warehouse {
        requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public Path raw(Dataset dataset) {
        return root.resolve("raw").resolve(dataset.directory());
    }

    public Path rawBatch(Dataset dataset, long batchId) {
        return raw(dataset).resolve("batch=" + batchName(batchId));
    }

    public Path rejects(Dataset dataset, long batchId) {
        return root.resolve("rejects").resolve(dataset.directory()).resolve("batch=" + batchName(batchId) + ".csv");
    }

    public Path manifestDirectory() {
        return root.resolve("manifest");
    }

    public Path manifest(long batchId) {
        return manifestDirectory().resolve("batch-" + batchName(batchId) + ".json");
    }

    /** The append-only log of withdrawn batches, one JSON object a line. */
    public Path withdrawalLog() {
        return manifestDirectory().resolve("withdrawals.jsonl");
    }

    public Path models() {
        return root.resolve("model");
    }

    public Path model(long version) {
        return models().resolve("v=" + version);
    }

    /**
     * Models built for known-at / reported-by questions, one directory per selection of batches
     * ({@code model/known/<key>/}); a bounded cache, never published (docs/WAREHOUSE.md, "Knowledge time").
     */
    public Path knownModels() {
        return models().resolve("known");
    }

    /** A text file holding the published model version; replaced atomically after each build. */
    public Path currentModelPointer() {
        return models().resolve("CURRENT");
    }

    /**
     * The log of school moves between districts (one JSON object a line, oldest first); only ever appended to, and
     * replaced as a whole by an atomic rename so that a crash leaves the old log or the new one.
     */
    public Path schoolMoves() {
        return root.resolve("schools").resolve("moves.jsonl");
    }

    /**
     * The lock file that serialises writers on this warehouse. Only {@link WarehouseLocks} may open it: closing any
     * channel of it releases the process's lock.
     */
    public Path writeLock() {
        return root.resolve(LOCK_FILE_NAME);
    }

    /** Who holds the write lock (pid, since, command), written by {@link WarehouseLocks} when it takes it. */
    public Path writeLockHolder() {
        return root.resolve(".lock.holder");
    }

    /** Where unreadable manifests and Parquet parts are moved, with a note saying why. */
    public Path quarantine() {
        return root.resolve("quarantine");
    }

    /** District extracts of model versions for analyst SQL: {@code scopes/v=<n>/district=<code>/}. */
    public Path scopes() {
        return root.resolve("scopes");
    }

    /** Model versions pinned by reports: {@code model/pins/v=<n>/<pin>.json} keeps version n from gc. */
    public Path pins() {
        return models().resolve("pins");
    }

    /** Zero-padded so that directory order is batch order. */
    public static String batchName(long batchId) {
        return String.format("%06d", batchId);
    }
}
