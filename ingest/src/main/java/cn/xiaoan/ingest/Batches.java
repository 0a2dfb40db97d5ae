package cn.xiaoan.ingest;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.Quarantine;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseWrite;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed batches of a warehouse, read from the manifests. Opening it (under the writer lock) also removes
 * what an interrupted ingest left behind: staging directories and files, and batch directories or reject reports
 * that have no manifest, which were never visible. A manifest that cannot be read puts its batch in quarantine
 * ({@link Quarantine}) instead of failing every later ingest.
 */
public final class Batches {
    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);

    /** Present when the caller holds the writer lock: only then are leftovers removed and bad batches quarantined. */
    private final Optional<WarehouseWrite> write;

    private final Warehouse warehouse;
    private final ObjectMapper mapper;
    private final Map<Long, Manifest> manifests = new HashMap<>();
    private Withdrawals withdrawals;
    private long highestQuarantined;

    private Batches(Warehouse warehouse, Optional<WarehouseWrite> write, ObjectMapper mapper) {
        this.warehouse = warehouse;
        this.write = write;
        this.mapper = mapper;
    }

    /** Reads the manifests and cleans up; {@code write} is the held write lock this requires. */
    static Batches open(WarehouseWrite write, ObjectMapper mapper) throws IOException {
        var batches = new Batches(write.warehouse(), Optional.of(write), mapper);
        batches.readManifests();
        batches.withdrawals = Withdrawals.read(write.warehouse());
        batches.removeLeftovers();
        batches.highestQuarantined =
                Quarantine.highestBatchId(write.warehouse()).orElse(0);
        return batches;
    }

    /** The committed batches without touching anything: for readers, which do not hold the writer lock. */
    static Batches read(Warehouse warehouse, ObjectMapper mapper) throws IOException {
        var batches = new Batches(warehouse, Optional.empty(), mapper);
        batches.readManifests();
        batches.withdrawals = Withdrawals.read(warehouse);
        return batches;
    }

    /** Removes unfinished manifests only under the writer lock. */
    private void readManifests() throws IOException {
        boolean cleanUp = write.isPresent();
        Path directory = warehouse.manifestDirectory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    if (cleanUp) {
                        LOG.info("Removing unfinished manifest {}", file);
                        Files.deleteIfExists(file);
                    }
                    continue;
                }
                if (!name.startsWith("batch-") || !name.endsWith(".json")) {
                    continue;
                }
                read(file, name);
            }
        }
    }

    private void read(Path file, String name) throws IOException {
        Manifest manifest;
        try {
            manifest = Manifest.fromJson(mapper.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            String digits = name.substring("batch-".length(), name.length() - ".json".length());
            if (!RowCheck.allDigits(digits) || digits.isEmpty() || digits.length() > 18) {
                LOG.warn("Ignoring {}: not a batch manifest name", file);
                return;
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (write.isEmpty()) {
                // A reader leaves it out; the next writer quarantines it.
                LOG.warn("Leaving out unreadable manifest {}: {}", file, firstLine(reason));
                return;
            }
            LOG.warn(Quarantine.batch(write.get(), Long.parseLong(digits), file, firstLine(reason), Instant.now()));
            return;
        }
        manifests.put(manifest.batchId(), manifest);
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private void removeLeftovers() throws IOException {
        for (Dataset dataset : Dataset.values()) {
            for (Path path : list(warehouse.raw(dataset))) {
                String name = path.getFileName().toString();
                if (name.startsWith(".batch=") || isUncommitted(dataset, name, "batch=", "")) {
                    LOG.info("Removing uncommitted batch {}", path);
                    deleteRecursively(path);
                }
            }
            Path rejects = warehouse.rejects(dataset, 1).getParent();
            for (Path path : list(rejects)) {
                String name = path.getFileName().toString();
                if (name.startsWith(".batch=") || isUncommitted(dataset, name, "batch=", ".csv")) {
                    LOG.info("Removing uncommitted reject report {}", path);
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private boolean isUncommitted(Dataset dataset, String name, String prefix, String suffix) {
        if (!name.startsWith(prefix) || !name.endsWith(suffix)) {
            return false;
        }
        String digits = name.substring(prefix.length(), name.length() - suffix.length());
        if (!RowCheck.allDigits(digits) || digits.length() > 18) {
            return false;
        }
        Manifest manifest = manifests.get(Long.parseLong(digits));
        return manifest == null || manifest.dataset() != dataset;
    }

    private static List<Path> list(Path directory) throws IOException {
        var paths = new ArrayList<Path>();
        if (!Files.isDirectory(directory)) {
            return paths;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(paths::add);
        }
        return paths;
    }

    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot remove {}: {}", path, e.getMessage());
        }
    }

    /**
     * The batches of {@code dataset} whose file had these bytes and that were not withdrawn, oldest first: the bytes of
     * a withdrawn batch may be ingested again.
     */
    List<Manifest> standing(Dataset dataset, String sha256) {
        return manifests.values().stream()
                .filter(m -> m.dataset() == dataset && m.sha256().equals(sha256) && !withdrawals.contains(m.batchId()))
                .sorted(Comparator.comparingLong(Manifest::batchId))
                .toList();
    }

    Optional<Manifest> manifest(long batchId) {
        return Optional.ofNullable(manifests.get(batchId));
    }

    /** Every committed batch as listed, withdrawn ones marked. */
    List<BatchRecord> records() {
        return manifests.values().stream()
                .map(manifest -> BatchHistory.record(warehouse, manifest, withdrawals))
                .toList();
    }

    Withdrawals withdrawals() {
        return withdrawals;
    }

    /** Records a withdrawal; the caller holds the writer lock and has checked that the batch stands. */
    void withdraw(Withdrawal withdrawal) throws IOException {
        Withdrawals.append(warehouse, withdrawal);
        withdrawals = Withdrawals.read(warehouse);
    }

    /** The standing batches of a dataset, newest first. */
    List<Manifest> standing(Dataset dataset) {
        return manifests.values().stream()
                .filter(m -> m.dataset() == dataset && !withdrawals.contains(m.batchId()))
                .sorted(Comparator.comparingLong(Manifest::batchId).reversed())
                .toList();
    }

    /**
     * Whether a committed batch of {@code dataset} may have come from a file of {@code bytes} bytes (same size, or a
     * size not recorded); when not, the file cannot be one already ingested and needs no hashing before it is read.
     */
    boolean mayHold(Dataset dataset, long bytes) {
        return manifests.values().stream()
                .anyMatch(m -> m.dataset() == dataset && (m.fileBytes() == bytes || m.fileBytes() < 0));
    }

    long nextId() {
        long highest =
                manifests.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        return Math.max(highest, highestQuarantined) + 1;
    }

    boolean hasBatches(Dataset dataset) {
        return manifests.values().stream().anyMatch(m -> m.dataset() == dataset);
    }

    /** Writes the manifest last, under a dot-name then renamed durably: the batch becomes visible in one step. */
    void commit(Manifest manifest) throws IOException {
        Files.createDirectories(warehouse.manifestDirectory());
        byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest.toJson(mapper));
        DurableFiles.replace(warehouse.manifest(manifest.batchId()), json);
        manifests.put(manifest.batchId(), manifest);
    }
}
