package cn.xiaoan.analytics.build;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.BatchRecord;
import cn.xiaoan.ingest.BatchRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The standing raw batches of one dataset, as the model reads them. A batch counts once its manifest exists (ingest
 * writes it last) and until it is withdrawn; dot-files and dot-directories are writes in progress and are never read;
 * a missing dataset directory simply has no batches yet.
 *
 * <p>{@code parquetFiles} are the parts of batches with rows of their own. {@code sharedRows} are batches that re-sent
 * an earlier batch's bytes for another report date: they read that batch's parts with their own {@code batch_id} and
 * {@code report_date} (constant columns of a batch), so the model sees one more snapshot and no row is stored twice.
 */
public record RawBatches(Dataset dataset, List<Long> batchIds, List<Path> parquetFiles, List<SharedRows> sharedRows) {
    private static final Pattern BATCH_DIRECTORY = Pattern.compile("batch=(\\d+)");

    /** A batch that reads another batch's parts as its own snapshot. */
    public record SharedRows(long batchId, LocalDate reportDate, List<Path> parquetFiles) {
        public SharedRows {
            parquetFiles = List.copyOf(parquetFiles);
        }
    }

    public RawBatches {
        batchIds = List.copyOf(batchIds);
        parquetFiles = List.copyOf(parquetFiles);
        sharedRows = List.copyOf(sharedRows);
    }

    /** Every dataset's standing batches, from one reading of the manifests and the withdrawal log. */
    static List<RawBatches> scanAll(Warehouse warehouse) {
        return scanAll(warehouse, new BatchHistory(warehouse).list());
    }

    /** Every dataset's standing batches among {@code batches} (a selection for a knowledge time). */
    static List<RawBatches> scanAll(Warehouse warehouse, List<BatchRecord> batches) {
        return Stream.of(Dataset.values())
                .map(dataset -> scan(warehouse, dataset, BatchRows.of(dataset, batches)))
                .toList();
    }

    private static RawBatches scan(Warehouse warehouse, Dataset dataset, List<BatchRows> standing) {
        var batchIds = new ArrayList<Long>();
        var files = new ArrayList<Path>();
        var shared = new ArrayList<SharedRows>();
        for (BatchRows rows : standing) {
            Path directory = warehouse.rawBatch(dataset, rows.rowsBatchId());
            if (!Files.isDirectory(directory)) {
                continue; // a batch with no accepted row has no parts
            }
            List<Path> parquet = visibleEntries(directory).stream()
                    .filter(path -> path.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(path))
                    .toList();
            if (parquet.isEmpty()) {
                continue;
            }
            batchIds.add(rows.batchId());
            if (rows.ownRows()) {
                files.addAll(parquet);
            } else {
                shared.add(new SharedRows(rows.batchId(), rows.reportDate(), parquet));
            }
        }
        return new RawBatches(dataset, batchIds, files, shared);
    }

    /** Every part the model reads, shared ones included. */
    Stream<Path> allParts() {
        return Stream.concat(
                parquetFiles.stream(), sharedRows.stream().flatMap(shared -> shared.parquetFiles().stream()));
    }

    boolean isEmpty() {
        return parquetFiles.isEmpty() && sharedRows.isEmpty();
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
