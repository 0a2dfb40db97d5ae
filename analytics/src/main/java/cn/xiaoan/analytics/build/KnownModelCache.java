package cn.xiaoan.analytics.build;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.publish.KnownModelSource;
import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.SchoolMove;
import cn.xiaoan.ingest.SchoolMoveLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of known-at / reported-by questions, one directory per selection of batches under
 * {@code model/known/<key>/}. A retained published version built from exactly the selected batches (and moves) is
 * reused by hard-linking its files (no copy, and gc removing the version leaves the links); otherwise the selection is
 * built ({@link ModelBuilder#buildSelection}). A second question with the same knowledge time finds the directory (a
 * past instant selects the same batches for ever, so its key is remembered).
 *
 * <p>Locks: none of the warehouse writer lock. Committed batches never change; a directory appears by one rename; two
 * processes building the same key both end with a whole directory. The cache is bounded by count and bytes: after
 * each build the least recently used entries beyond the bounds are removed, except entries used within the last
 * {@link #IN_USE} (another request or process may still read them). Within the process one build per key runs at a
 * time; a second request for it waits for the first.
 */
public final class KnownModelCache implements KnownModelSource {
    private static final Logger LOG = LoggerFactory.getLogger(KnownModelCache.class);
    /** A touched file whose time says when the entry was last used. */
    private static final String USED = ".used";
    /** An entry used more recently than this is never removed, whatever the bounds. */
    static final Duration IN_USE = Duration.ofMinutes(2);
    /** A knowledge time this far in the past selects the same batches for ever: its key is remembered. */
    private static final Duration SETTLED = Duration.ofMinutes(1);

    private final Warehouse warehouse;
    private final ModelBuilder builder;
    private final Clock clock;
    private final int maxEntries;
    private final long maxBytes;
    /** The key of each past knowledge time asked: it can no longer change. */
    private final Map<Knowledge, String> pastKeys = new ConcurrentHashMap<>();
    /** One lock object per key being built, so that one request builds and the others wait. */
    private final Map<String, Object> building = new ConcurrentHashMap<>();

    public KnownModelCache(Warehouse warehouse, ModelBuilder builder, Clock clock, int maxEntries, long maxBytes) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.builder = requireNonNull(builder, "builder");
        this.clock = requireNonNull(clock, "clock");
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException(
                    "Cannot keep " + maxEntries + " known-at models in " + maxBytes + " bytes: give positive bounds");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** Eight models, 4 GiB. */
    public KnownModelCache(Warehouse warehouse, ModelBuilder builder, Clock clock) {
        this(warehouse, builder, clock, 8, 4L << 30);
    }

    @Override
    public KnownModel model(Knowledge knowledge) {
        if (knowledge.latest()) {
            throw new IllegalArgumentException("Cannot build a known-at model without a knowledge time");
        }
        String remembered = pastKeys.get(knowledge);
        if (remembered != null && isWhole(directory(remembered))) {
            return used(remembered);
        }
        BatchSelection selection =
                BatchSelection.of(knowledge, new BatchHistory(warehouse).list(), SchoolMoveLog.read(warehouse));
        String key = selection.key();
        // a manifest is dated as it is committed; a minute's margin covers its last write and a clock step
        if (knowledge
                .knownAt()
                .filter(at -> at.isBefore(clock.instant().minus(SETTLED)))
                .isPresent()) {
            pastKeys.put(knowledge, key);
        }
        synchronized (building.computeIfAbsent(key, k -> new Object())) {
            if (!isWhole(directory(key))) {
                make(selection, key);
                evict(key);
            }
        }
        return used(key);
    }

    private void make(BatchSelection selection, String key) {
        Path target = directory(key);
        long published = PublishedModel.currentVersion(warehouse).orElse(1);
        Optional<Long> same = retainedWithSameBatches(selection);
        if (same.isPresent() && link(warehouse.model(same.get()), selection, target)) {
            LOG.info("Known-at model {} reuses model version {}", key, same.get());
            return;
        }
        builder.buildSelection(selection, published, target);
    }

    /** A retained version built from the selected batches and moves, newest first. */
    private Optional<Long> retainedWithSameBatches(BatchSelection selection) {
        List<Long> ids = rowBatchIds(selection);
        List<Long> versions = new ArrayList<>(ModelRetention.versions(warehouse.models()));
        versions.sort(Comparator.reverseOrder());
        for (long version : versions) {
            Path manifest = warehouse.model(version).resolve(BuildManifest.FILE_NAME);
            if (!Files.isRegularFile(manifest)) {
                continue;
            }
            try {
                ModelVersion built = BuildManifest.read(manifest).version();
                if (built.batchIds().equals(ids) && movesAt(built.builtAt()).equals(sequences(selection.moves()))) {
                    return Optional.of(version);
                }
            } catch (IllegalStateException e) {
                // an unreadable version is simply not reused
            }
        }
        return Optional.empty();
    }

    /** The batches a model of the selection reads rows from, as a build manifest lists them. */
    private List<Long> rowBatchIds(BatchSelection selection) {
        var ids = new java.util.TreeSet<Long>();
        RawBatches.scanAll(warehouse, selection.batches()).forEach(raw -> ids.addAll(raw.batchIds()));
        return List.copyOf(ids);
    }

    private List<Long> movesAt(Instant builtAt) {
        return sequences(SchoolMoveLog.read(warehouse).stream()
                .filter(move -> !move.movedAt().toInstant().isAfter(builtAt))
                .toList());
    }

    private static List<Long> sequences(List<SchoolMove> moves) {
        return moves.stream().map(SchoolMove::sequence).toList();
    }

    /**
     * Hard-links the version's files into a staging directory renamed to {@code target}, with its own manifest naming
     * the knowledge time; false when the file system cannot link (then the selection is built instead).
     */
    private boolean link(Path version, BatchSelection selection, Path target) {
        Path staging = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (Stream<Path> files = Files.walk(version)) {
            for (Path file : files.toList()) {
                Path copy = staging.resolve(version.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().equals(BuildManifest.FILE_NAME)) {
                    Files.createLink(copy, file);
                }
            }
            BuildManifest manifest = BuildManifest.read(version.resolve(BuildManifest.FILE_NAME));
            ModelVersion built = manifest.version();
            new BuildManifest(
                            new ModelVersion(built.version(), built.batchIds(), built.builtAt(), selection.knowledge()),
                            manifest.engine(),
                            manifest.rowCounts())
                    .write(staging.resolve(BuildManifest.FILE_NAME));
            if (!Files.exists(target)) {
                Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return true;
        } catch (IOException | UnsupportedOperationException | IllegalStateException e) {
            LOG.info("Cannot link model files of {} ({}): building the selection instead", version, e.getMessage());
            return false;
        } finally {
            ModelRetention.deleteRecursively(staging);
        }
    }

    private KnownModel used(String key) {
        Path directory = directory(key);
        try {
            Files.write(directory.resolve(USED), new byte[0]);
        } catch (IOException e) {
            // a read-only warehouse still answers; the entry just looks older to eviction
        }
        return new KnownModel(key, directory);
    }

    /** Removes the least recently used entries beyond the bounds, sparing {@code keep} and entries in use. */
    private void evict(String keep) {
        record Entry(Path directory, Instant used, long bytes) {}
        var entries = new ArrayList<Entry>();
        try (Stream<Path> listed = Files.list(warehouse.knownModels())) {
            for (Path directory : listed.filter(Files::isDirectory).toList()) {
                String name = directory.getFileName().toString();
                if (name.startsWith(".")) {
                    removeIfStale(directory);
                    continue;
                }
                entries.add(new Entry(directory, lastUsed(directory), size(directory)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + warehouse.knownModels(), e);
        }
        entries.sort(Comparator.comparing(Entry::used).reversed());
        long bytes = 0;
        int count = 0;
        Instant spare = clock.instant().minus(IN_USE);
        for (Entry entry : entries) {
            count++;
            bytes += entry.bytes();
            boolean beyond = count > maxEntries || bytes > maxBytes;
            if (beyond
                    && !entry.directory().getFileName().toString().equals(keep)
                    && entry.used().isBefore(spare)) {
                LOG.info("Removing known-at model {} (least recently used beyond the cache bounds)", entry.directory());
                ModelRetention.deleteRecursively(entry.directory());
                count--;
                bytes -= entry.bytes();
            }
        }
    }

    /** A staging directory of a build that died (older than {@link #IN_USE}: a running build's is fresh). */
    private void removeIfStale(Path directory) {
        if (lastUsed(directory).isBefore(clock.instant().minus(IN_USE.multipliedBy(30)))) {
            ModelRetention.deleteRecursively(directory);
        }
    }

    private static Instant lastUsed(Path directory) {
        try {
            Path used = directory.resolve(USED);
            FileTime time = Files.getLastModifiedTime(Files.exists(used) ? used : directory);
            return time.toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static long size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private Path directory(String key) {
        return warehouse.knownModels().resolve(key);
    }

    private static boolean isWhole(Path directory) {
        return Files.isRegularFile(directory.resolve(BuildManifest.FILE_NAME));
    }
}
