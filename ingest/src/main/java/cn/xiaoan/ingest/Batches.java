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
final class Batches {
    private static final Logger LOG = LoggerFactory.getLogger(Batches.class);

    private final WarehouseWrite write;
    private final Warehouse warehouse;
    private final ObjectMapper mapper;
    private final Map<Long, Manifest> manifests = new HashMap<>();
    private long highestQuarantined;

    private Batches(WarehouseWrite write, ObjectMapper mapper) {
        this.write = write;
        this.warehouse = write.warehouse();
        this.mapper = mapper;
    }

    /** Reads the manifests and cleans up; {@code write} is the held write lock this requires. */
    static Batches open(WarehouseWrite write, ObjectMapper mapper) throws IOException {
        var batches = new Batches(write, mapper);
        batches.readManifests();
        batches.removeLeftovers();
        batches.highestQuarantined =
                Quarantine.highestBatchId(write.warehouse()).orElse(0);
        return batches;
    }

    private void readManifests() throws IOException {
        Path directory = warehouse.manifestDirectory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".")) {
                    LOG.info("Removing unfinished manifest {}", file);
                    Files.deleteIfExists(file);
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
            LOG.warn(Quarantine.batch(write, Long.parseLong(digits), file, firstLine(reason), Instant.now()));
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

    static void deleteRecursively(Path path) throws IOException {
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

    static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot remove {}: {}", path, e.getMessage());
        }
    }

    /** The committed batch of {@code dataset} whose file had these bytes. */
    Optional<Manifest> find(Dataset dataset, String sha256) {
        return manifests.values().stream()
                .filter(m -> m.dataset() == dataset && m.sha256().equals(sha256))
                .min((a, b) -> Long.compare(a.batchId(), b.batchId()));
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
