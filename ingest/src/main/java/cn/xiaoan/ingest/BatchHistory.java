package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed batches of a warehouse, read-only and without the warehouse lock: a manifest appears by an atomic
 * rename as the last step of an ingest, so a batch listed here is complete, and one being written is not listed.
 */
public final class BatchHistory {
    private static final Logger LOG = LoggerFactory.getLogger(BatchHistory.class);

    private final Warehouse warehouse;
    private final ObjectMapper mapper = new ObjectMapper();

    public BatchHistory(Warehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** Every committed batch, newest first. */
    public List<BatchRecord> list() {
        Path directory = warehouse.manifestDirectory();
        var records = new ArrayList<BatchRecord>();
        if (!Files.isDirectory(directory)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "batch-*.json")) {
            for (Path file : files) {
                try {
                    records.add(record(Manifest.fromJson(mapper.readTree(file.toFile()))));
                } catch (IOException | RuntimeException e) {
                    // One unreadable manifest must not hide the others; the next writer quarantines it.
                    LOG.warn("Leaving out unreadable manifest {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the batches in " + directory + ": " + e.getMessage(), e);
        }
        records.sort(Comparator.comparingLong(BatchRecord::batchId).reversed());
        return records;
    }

    /** The committed batch with this id, if any. */
    public Optional<BatchRecord> find(long batchId) {
        if (batchId < 1) {
            return Optional.empty();
        }
        Path file = warehouse.manifest(batchId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(record(Manifest.fromJson(mapper.readTree(file.toFile()))));
        } catch (IOException | RuntimeException e) {
            // As in list(): an unreadable manifest is no batch (yet); the next writer quarantines it.
            LOG.warn("Leaving out unreadable manifest {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** The rejected rows of a batch with reasons (CSV: file, sheet, row, column, value, reason_zh, reason_en). */
    public Optional<Path> rejects(BatchRecord batch) {
        Path file = warehouse.rejects(batch.dataset(), batch.batchId());
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Up to {@code limit} rejected rows of a batch, in file order, read back from its reject report (one line per
     * problem, so a row with two problems appears twice).
     */
    public List<RejectedRow> rejectedRows(BatchRecord batch, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("Cannot list rejected rows: negative limit " + limit);
        }
        var rows = new ArrayList<RejectedRow>();
        Optional<Path> file = rejects(batch);
        if (file.isEmpty()) {
            return rows;
        }
        try (var source = new CsvSource(file.get())) {
            source.next(); // header: file,sheet,row,column,value,reason_zh,reason_en
            String[] cells;
            while (rows.size() < limit && (cells = source.next()) != null) {
                rows.add(new RejectedRow(
                        cells[0], cells[1], Long.parseLong(cells[2]), cells[3], cells[4], cells[5], cells[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.get() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private BatchRecord record(Manifest manifest) {
        return new BatchRecord(
                manifest.batchId(),
                manifest.dataset(),
                manifest.fileName(),
                manifest.sha256(),
                manifest.reportDate(),
                manifest.reportDateSource(),
                manifest.ingestedAt(),
                manifest.sheet(),
                manifest.rowsRead(),
                manifest.rowsAccepted(),
                manifest.rowsRejected(),
                manifest.rowsWarned(),
                manifest.submitter(),
                Files.isRegularFile(warehouse.rejects(manifest.dataset(), manifest.batchId())));
    }
}
