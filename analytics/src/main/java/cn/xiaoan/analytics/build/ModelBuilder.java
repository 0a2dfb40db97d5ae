package cn.xiaoan.analytics.build;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.publish.ModelFiles;
import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.analytics.publish.ModelTable;
import cn.xiaoan.analytics.publish.PublishedModel;
import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.LockWait;
import cn.xiaoan.domain.Quarantine;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseLocks;
import cn.xiaoan.domain.WarehouseWrite;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.SchoolMove;
import cn.xiaoan.ingest.SchoolMoveLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new model version from every committed raw batch with the chosen engine (DuckDB by default, or Spark) and
 * publishes it: the tables are written into
 * a hidden staging directory, renamed into {@code model/v=<n>/} in one step, then {@code model/CURRENT} is replaced
 * atomically, so readers see the old model or the new one, never part of one. Everything is forced to disk before
 * each rename. Before building it removes what an interrupted build left (staging, spill and temporary pointer files)
 * and quarantines a batch whose Parquet part is cut short; after publishing it removes the versions
 * {@link ModelRetention} no longer keeps.
 */
public final class ModelBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBuilder.class);

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final Clock clock;
    private final BuildEngineChoice engine;
    private final WarehouseLocks locks;
    private final ModelRetention retention;

    public ModelBuilder(Warehouse warehouse) {
        this(warehouse, ReferenceData.load(), Clock.systemUTC());
    }

    public ModelBuilder(Warehouse warehouse, ReferenceData reference, Clock clock) {
        this(warehouse, reference, clock, BuildEngineChoice.duckDb());
    }

    public ModelBuilder(Warehouse warehouse, ReferenceData reference, Clock clock, BuildEngineChoice engine) {
        this(
                warehouse,
                reference,
                clock,
                engine,
                WarehouseLocks.defaults(),
                new ModelRetention(warehouse, ModelRetention.DEFAULT_KEEP));
    }

    /** {@code locks}: the process's warehouse locks; {@code retention}: what to remove after each publish. */
    public ModelBuilder(
            Warehouse warehouse,
            ReferenceData reference,
            Clock clock,
            BuildEngineChoice engine,
            WarehouseLocks locks,
            ModelRetention retention) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.clock = requireNonNull(clock, "clock");
        this.engine = requireNonNull(engine, "engine");
        this.locks = requireNonNull(locks, "locks");
        this.retention = requireNonNull(retention, "retention");
    }

    /** Builds and publishes the next model version; holds the warehouse's writer lock meanwhile. */
    public ModelVersion build() {
        return build(LockWait.silent());
    }

    /** As {@link #build()}, telling {@code lockWait} while it waits for another writer. */
    public ModelVersion build(LockWait lockWait) {
        try (WarehouseWrite write = locks.acquire(warehouse, "build", lockWait)) {
            createDirectories(warehouse.models());
            ModelRetention.removeBuildLeftovers(write);
            List<RawBatches> raw = scanWhole(write);
            long number = PublishedModel.nextVersion(warehouse);
            removeUnpublished(write);
            // Read under the lock, as the batches are: a move is a write like an ingest.
            List<SchoolMove> moves = SchoolMoveLog.read(warehouse);
            List<BatchStamp> stamps = stamps(raw);
            var version = new ModelVersion(number, batchIds(raw), Instant.now(clock));
            String suffix = "." + UUID.randomUUID() + ".tmp";
            Path staging = warehouse.models().resolve(".v=" + number + suffix);
            Path spill = warehouse.models().resolve(".spill" + suffix);
            try {
                createDirectories(staging);
                var rowCounts = writeTables(raw, moves, stamps, staging, spill);
                // what both engines wrote passes the same check; a model that does not add up is never published
                StockFlowCheck.verify(staging);
                new BuildManifest(version, engine.engineName(), rowCounts)
                        .write(staging.resolve(BuildManifest.FILE_NAME));
                move(staging, warehouse.model(number));
                PublishedModel.publish(warehouse, number);
            } finally {
                deleteRecursively(staging);
                deleteRecursively(spill);
            }
            LOG.info(
                    "Published model version {} from {} batches, built by {}",
                    number,
                    version.batchIds().size(),
                    engine.description());
            collectOldVersions(write);
            return version;
        }
    }

    /**
     * Builds the model of a {@link BatchSelection} into {@code target} without publishing it and without the writer
     * lock: committed batches never change, and the staging directory is renamed into place in one step, so two
     * builders of the same selection (two processes) both end with a whole directory and the second one's rename
     * finds the first one's and discards its own. Numbered {@code version} (the published version it was built
     * beside); its manifest records the knowledge time.
     */
    public ModelVersion buildSelection(BatchSelection selection, long version, Path target) {
        Path parent = target.toAbsolutePath().getParent();
        createDirectories(parent);
        List<RawBatches> raw = RawBatches.scanAll(warehouse, selection.batches());
        for (Path part : raw.stream().flatMap(RawBatches::allParts).toList()) {
            String problem = Quarantine.parquetProblem(part);
            if (problem != null) {
                throw new IllegalStateException(
                        "Cannot build the model " + selection.knowledge().describe() + ": " + part + " is unreadable ("
                                + problem + "); run bin/xiaoan build, which quarantines it");
            }
        }
        var read = new java.util.HashSet<Long>(batchIds(raw));
        List<BatchStamp> stamps = selection.batches().stream()
                .filter(batch -> !batch.withdrawn() && read.contains(batch.batchId()))
                .map(BatchStamp::of)
                .toList();
        var built = new ModelVersion(version, batchIds(raw), Instant.now(clock), selection.knowledge());
        String suffix = "." + UUID.randomUUID() + ".tmp";
        Path staging = parent.resolve("." + target.getFileName() + suffix);
        Path spill = parent.resolve(".spill" + suffix);
        try {
            createDirectories(staging);
            var rowCounts = writeTables(raw, selection.moves(), stamps, staging, spill);
            new BuildManifest(built, engine.engineName(), rowCounts).write(staging.resolve(BuildManifest.FILE_NAME));
            if (!Files.exists(target)) {
                move(staging, target);
            }
        } catch (UncheckedIOException e) {
            if (!Files.isRegularFile(target.resolve(BuildManifest.FILE_NAME))) {
                throw e; // not a lost race with another builder of the same selection
            }
        } finally {
            deleteRecursively(staging);
            deleteRecursively(spill);
        }
        LOG.info(
                "Built the model {} from {} batches into {}",
                selection.knowledge().describe(),
                read.size(),
                target);
        return BuildManifest.read(target.resolve(BuildManifest.FILE_NAME)).version();
    }

    private void collectOldVersions(WarehouseWrite write) {
        try {
            ModelRetention.Plan plan = retention.collect(write);
            plan.removals().forEach(removal -> LOG.info("Removed {} ({})", removal.path(), removal.reason()));
        } catch (RuntimeException e) {
            // The new version is published; a removal that failed is retried by the next publish or xiaoan gc.
            LOG.warn("Cannot remove old model versions: {}", e.getMessage());
        }
    }

    /**
     * Version directories above the published one: a build killed after renaming its version into place and before
     * pointing CURRENT at it. They were never served; their numbers are not reused (the next version is already
     * numbered past them).
     */
    private void removeUnpublished(WarehouseWrite write) {
        long published = PublishedModel.currentVersion(write.warehouse()).orElse(0);
        for (long version : ModelRetention.versions(warehouse.models())) {
            if (version > published) {
                LOG.info("Removing model version {}, never published (an interrupted build)", version);
                ModelRetention.deleteRecursively(warehouse.model(version));
            }
        }
    }

    /** The committed batches of a dataset, after quarantining any whose Parquet part is not whole. */
    /** The standing batches of every dataset, after quarantining each batch with a cut-short part. */
    private List<RawBatches> scanWhole(WarehouseWrite write) {
        while (true) {
            List<RawBatches> all = RawBatches.scanAll(warehouse);
            Path broken = null;
            String problem = null;
            for (Path part : all.stream().flatMap(RawBatches::allParts).toList()) {
                problem = Quarantine.parquetProblem(part);
                if (problem != null) {
                    broken = part;
                    break;
                }
            }
            if (broken == null) {
                return all;
            }
            try {
                LOG.warn(Quarantine.batch(write, RawBatches.batchIdOf(broken), broken, problem, clock.instant()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot quarantine the batch of " + broken + ": " + e.getMessage(), e);
            }
        }
    }

    private LinkedHashMap<String, Long> writeTables(
            List<RawBatches> raw, List<SchoolMove> moves, List<BatchStamp> stamps, Path staging, Path spill) {
        createDirectories(spill);
        var rowCounts = new LinkedHashMap<String, Long>();
        try (BuildEngine opened = engine.open(spill)) {
            raw.forEach(opened::registerRaw);
            opened.registerSchoolMoves(moves);
            opened.registerBatches(stamps);
            opened.registerReference(reference);
            for (ModelTable table : ModelTable.values()) {
                opened.create(table);
                rowCounts.put(
                        table.tableName(),
                        opened.export(table, ModelFiles.location(staging, table).toUri()));
            }
        }
        return rowCounts;
    }

    /** The manifests of the batches the model reads rows from (read under the lock, after any quarantine). */
    private List<BatchStamp> stamps(List<RawBatches> raw) {
        var read = new java.util.HashSet<Long>(batchIds(raw));
        return new BatchHistory(warehouse)
                .list().stream()
                        .filter(batch -> !batch.withdrawn() && read.contains(batch.batchId()))
                        .map(BatchStamp::of)
                        .toList();
    }

    private static List<Long> batchIds(List<RawBatches> raw) {
        var ids = new TreeSet<Long>();
        raw.forEach(batches -> ids.addAll(batches.batchIds()));
        return new ArrayList<>(ids);
    }

    private static void move(Path staging, Path target) {
        try {
            DurableFiles.publish(staging, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish model: cannot rename " + staging + " to " + target, e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete temporary build directory {}: {}", directory, e.getMessage());
        }
    }
}
