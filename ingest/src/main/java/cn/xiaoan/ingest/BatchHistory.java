package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.SpreadsheetText;
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
 * Withdrawn batches are listed too, with who withdrew them, when and why.
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
        Withdrawals withdrawals = Withdrawals.read(warehouse);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "batch-*.json")) {
            for (Path file : files) {
                try {
                    records.add(record(Manifest.fromJson(mapper.readTree(file.toFile())), withdrawals));
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

    /** What the standing (not withdrawn) batches of {@code dataset} contribute to a model, in batch order. */
    public List<BatchRows> standingRows(Dataset dataset) {
        return BatchRows.of(dataset, list());
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
            return Optional.of(record(Manifest.fromJson(mapper.readTree(file.toFile())), Withdrawals.read(warehouse)));
        } catch (IOException | RuntimeException e) {
            // As in list(): an unreadable manifest is no batch (yet); the next writer quarantines it.
            LOG.warn("Leaving out unreadable manifest {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The rejected rows of a batch with reasons (CSV: file, sheet, row, column, value, reason_zh, reason_en, reason_code); a batch
     * that re-sent an earlier batch's bytes has that batch's report.
     */
    public Optional<Path> rejects(BatchRecord batch) {
        Path file = warehouse.rejects(batch.dataset(), batch.rowsBatchId());
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
            source.next(); // header: file,sheet,row,column,value,reason_zh,reason_en[,reason_code]
            String[] cells;
            while (rows.size() < limit && (cells = source.next()) != null) {
                // the clerk sees every cell as typed, without the apostrophe that keeps a spreadsheet from running it
                rows.add(new RejectedRow(
                        SpreadsheetText.restored(cells[0]),
                        SpreadsheetText.restored(cells[1]),
                        Long.parseLong(cells[2]),
                        SpreadsheetText.restored(cells[3]),
                        SpreadsheetText.restored(cells[4]),
                        SpreadsheetText.restored(cells[5]),
                        SpreadsheetText.restored(cells[6]),
                        RejectReason.ofCode(cells.length > 7 ? cells[7] : null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.get() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private BatchRecord record(Manifest manifest, Withdrawals withdrawals) {
        return record(warehouse, manifest, withdrawals);
    }

    static BatchRecord record(Warehouse warehouse, Manifest manifest, Withdrawals withdrawals) {
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
                Files.isRegularFile(warehouse.rejects(manifest.dataset(), manifest.rowsBatchId())),
                manifest.sameRowsAs(),
                withdrawals.of(manifest.batchId()),
                manifest.reportingUnit());
    }
}
