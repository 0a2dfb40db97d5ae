package cn.xiaoan.analytics;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The committed raw batches of one dataset. Dot-files and dot-directories are writes in progress and are never read; a
 * batch is committed only once its manifest exists (ingest writes it last); a missing dataset directory simply has no
 * batches yet.
 */
record RawBatches(Dataset dataset, List<Long> batchIds, List<Path> parquetFiles) {
    private static final Pattern BATCH_DIRECTORY = Pattern.compile("batch=(\\d+)");

    RawBatches {
        batchIds = List.copyOf(batchIds);
        parquetFiles = List.copyOf(parquetFiles);
    }

    static RawBatches scan(Warehouse warehouse, Dataset dataset) {
        Path directory = warehouse.raw(dataset);
        var batchIds = new ArrayList<Long>();
        var files = new ArrayList<Path>();
        if (!Files.isDirectory(directory)) {
            return new RawBatches(dataset, batchIds, files);
        }
        for (Path batch : visibleEntries(directory)) {
            Matcher matcher = BATCH_DIRECTORY.matcher(batch.getFileName().toString());
            if (!Files.isDirectory(batch) || !matcher.matches()) {
                continue;
            }
            List<Path> parquet = visibleEntries(batch).stream()
                    .filter(path -> path.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(path))
                    .toList();
            long batchId = Long.parseLong(matcher.group(1));
            if (!parquet.isEmpty() && Files.isRegularFile(warehouse.manifest(batchId))) {
                batchIds.add(batchId);
                files.addAll(parquet);
            }
        }
        return new RawBatches(dataset, batchIds, files);
    }

    /** The batch a Parquet part belongs to, from its directory name {@code batch=<id>}. */
    static long batchIdOf(Path part) {
        Matcher matcher = BATCH_DIRECTORY.matcher(part.getParent().getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(part + " is not in a batch directory");
        }
        return Long.parseLong(matcher.group(1));
    }

    private static List<Path> visibleEntries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }
}
