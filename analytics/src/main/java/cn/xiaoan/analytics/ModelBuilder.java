package cn.xiaoan.analytics;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.SchoolMove;
import cn.xiaoan.ingest.SchoolMoveLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * atomically, so readers see the old model or the new one, never part of one.
 */
public final class ModelBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ModelBuilder.class);

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final Clock clock;
    private final BuildEngineChoice engine;

    public ModelBuilder(Warehouse warehouse) {
        this(warehouse, ReferenceData.load(), Clock.systemUTC());
    }

    public ModelBuilder(Warehouse warehouse, ReferenceData reference, Clock clock) {
        this(warehouse, reference, clock, BuildEngineChoice.duckDb());
    }

    public ModelBuilder(Warehouse warehouse, ReferenceData reference, Clock clock, BuildEngineChoice engine) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.clock = requireNonNull(clock, "clock");
        this.engine = requireNonNull(engine, "engine");
    }

    /** Builds and publishes the next model version; holds the warehouse's writer lock meanwhile. */
    public ModelVersion build() {
        WarehouseLock lock = WarehouseLock.acquire(warehouse, "build the model");
        try {
            createDirectories(warehouse.models());
            List<RawBatches> raw = RawBatches.scanAll(warehouse);
            long number = PublishedModel.nextVersion(warehouse);
            // Read under the lock, as the batches are: a move is a write like an ingest.
            List<SchoolMove> moves = SchoolMoveLog.read(warehouse);
            var version = new ModelVersion(number, batchIds(raw), Instant.now(clock));
            String suffix = "." + UUID.randomUUID() + ".tmp";
            Path staging = warehouse.models().resolve(".v=" + number + suffix);
            Path spill = warehouse.models().resolve(".spill" + suffix);
            try {
                createDirectories(staging);
                var rowCounts = writeTables(raw, moves, staging, spill);
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
            return version;
        } finally {
            lock.close();
        }
    }

    private LinkedHashMap<String, Long> writeTables(
            List<RawBatches> raw, List<SchoolMove> moves, Path staging, Path spill) {
        createDirectories(spill);
        var rowCounts = new LinkedHashMap<String, Long>();
        try (BuildEngine opened = engine.open(spill)) {
            raw.forEach(opened::registerRaw);
            opened.registerSchoolMoves(moves);
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

    private static List<Long> batchIds(List<RawBatches> raw) {
        var ids = new TreeSet<Long>();
        raw.forEach(batches -> ids.addAll(batches.batchIds()));
        return new ArrayList<>(ids);
    }

    private static void move(Path staging, Path target) {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
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
