package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.DurableFiles;
import cn.xiaoan.domain.LockWait;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseBusyException;
import cn.xiaoan.domain.WarehouseLocks;
import cn.xiaoan.domain.WarehouseWrite;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Loads one submitted file (XLSX, CSV or JSON) into the warehouse as an immutable batch: accepted rows to Parquet,
 * rejected rows with reasons to a CSV report, and a manifest written last that makes the batch visible.
 */
public final class Ingestor {
    private static final int PROGRESS_EVERY = 8192;

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final WarehouseLocks locks;
    private final Clock clock;
    private final ReportDateRule reportDates;
    private final FirstRows.KeyHash keyHash;
    private final ObjectMapper mapper = new ObjectMapper();

    public Ingestor(Warehouse warehouse, ReferenceData reference) {
        this(warehouse, reference, WarehouseLocks.defaults());
    }

    /** {@code locks}: the process's warehouse locks, with the patience of this caller. */
    public Ingestor(Warehouse warehouse, ReferenceData reference, WarehouseLocks locks) {
        this(warehouse, reference, locks, Clock.systemDefaultZone(), FirstRows::hash);
    }

    /** With the clock that dates batches and bounds report dates (the server's, or a test's). */
    public Ingestor(Warehouse warehouse, ReferenceData reference, Clock clock) {
        this(warehouse, reference, WarehouseLocks.defaults(), clock);
    }

    /** With the process's warehouse locks and the clock that dates batches and bounds report dates. */
    public Ingestor(Warehouse warehouse, ReferenceData reference, WarehouseLocks locks, Clock clock) {
        this(warehouse, reference, locks, clock, FirstRows::hash);
    }

    /** With the hash that finds candidate duplicate hazard ids replaced, so a test can force collisions. */
    Ingestor(Warehouse warehouse, ReferenceData reference, Clock clock, FirstRows.KeyHash keyHash) {
        this(warehouse, reference, WarehouseLocks.defaults(), clock, keyHash);
    }

    private Ingestor(
            Warehouse warehouse,
            ReferenceData reference,
            WarehouseLocks locks,
            Clock clock,
            FirstRows.KeyHash keyHash) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.locks = requireNonNull(locks, "locks");
        this.clock = requireNonNull(clock, "clock");
        this.reportDates = new ReportDateRule(clock);
        this.keyHash = requireNonNull(keyHash, "keyHash");
    }

    /**
     * Ingests the file, or recognises bytes already ingested into the same dataset: with the same report date nothing is
     * written, with another a batch that shares the earlier rows is recorded.
     *
     * @throws UnreadableFileException when the file cannot be read at all (nothing is written)
     * @throws ReportDateOutOfRangeException when the stated or the file's report date is out of range (nothing is
     *     written)
     * @throws WarehouseBusyException when another writer held the warehouse lock for longer than the locks' patience
     */
    public IngestResult ingest(IngestRequest request, IngestProgress progress) {
        return ingest(request, progress, LockWait.silent());
    }

    /** As {@link #ingest(IngestRequest, IngestProgress)}, telling {@code lockWait} while it waits for the lock. */
    public IngestResult ingest(IngestRequest request, IngestProgress progress, LockWait lockWait) {
        requireNonNull(request, "request");
        requireNonNull(progress, "progress");
        String fileName = request.originalFileName();
        if (!Files.isRegularFile(request.file())) {
            throw new UnreadableFileException(
                    "Cannot read " + fileName + ": no such file " + request.file() + "; check the path");
        }
        // a stated date out of range refuses the file before anything is read or locked
        request.reportDate().ifPresent(date -> reportDates.check(date, ReportDateSource.FLAG));
        try {
            try (WarehouseWrite write = locks.acquire(warehouse, "ingest " + fileName, lockWait)) {
                Batches batches = Batches.open(write, mapper);
                FileProbe probe = FileProbe.of(request.file());
                if (batches.mayHold(request.dataset(), probe.size())) {
                    probe = probe.hashed();
                    List<Manifest> same =
                            batches.standing(request.dataset(), probe.sha256().orElseThrow());
                    if (!same.isEmpty()) {
                        return sameBytes(request, probe, same, batches);
                    }
                }
                // Otherwise no batch came from a file of this size: the hash is taken as the file is read.
                return write(request, probe, batches, progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot ingest " + fileName + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ingest " + fileName + ": DuckDB failed: " + e.getMessage(), e);
        }
    }

    /**
     * Bytes that standing batches of the dataset already hold: a no-op when one of them has the same report date (or
     * none is stated: a re-sent file without a date is taken for the same submission), else a batch of its own for
     * the new date that shares the earlier batch's rows, so the month records a submission and nothing is counted
     * twice.
     */
    private IngestResult sameBytes(IngestRequest request, FileProbe probe, List<Manifest> same, Batches batches)
            throws IOException {
        ReportDate date;
        if (request.reportDate().isPresent()) {
            date = new ReportDate(request.reportDate().get(), ReportDateSource.FLAG);
        } else {
            Schema schema = Converter.schemaOf(request.dataset());
            String datasetName =
                    request.dataset().nameZh() + " (" + request.dataset().directory() + ")";
            try (OpenedTable opened =
                    OpenedTable.open(request.originalFileName(), probe, schema, datasetName, mapper)) {
                date = reportDate(request, opened.table());
            }
        }
        Manifest earlier = same.get(0);
        for (Manifest manifest : same) {
            if (manifest.reportDate().equals(date.date)) {
                return alreadyIngested(manifest, request.originalFileName());
            }
        }
        if (date.source == ReportDateSource.INGEST_TIME) {
            return alreadyIngested(earlier, request.originalFileName());
        }
        long batchId = batches.nextId();
        long rowsBatchId = earlier.rowsBatchId();
        Manifest manifest = new Manifest(
                batchId,
                request.dataset(),
                request.originalFileName(),
                earlier.sha256(),
                probe.size(),
                date.date,
                date.source,
                OffsetDateTime.now(clock),
                earlier.sheet(),
                earlier.rowsRead(),
                earlier.rowsAccepted(),
                earlier.rowsRejected(),
                earlier.rowsWarned(),
                request.submitter(),
                Optional.of(rowsBatchId),
                earlier.reportingUnit());
        batches.commit(manifest);
        Path rejects = warehouse.rejects(request.dataset(), rowsBatchId);
        return new IngestResult(
                batchId,
                request.dataset(),
                request.originalFileName(),
                manifest.sha256(),
                date.date,
                date.source,
                manifest.rowsRead(),
                manifest.rowsAccepted(),
                manifest.rowsRejected(),
                manifest.rowsWarned(),
                false,
                Files.exists(rejects) ? Optional.of(rejects) : Optional.empty(),
                Optional.of(rowsBatchId));
    }

    private IngestResult alreadyIngested(Manifest manifest, String fileName) {
        Path rejects = warehouse.rejects(manifest.dataset(), manifest.rowsBatchId());
        return new IngestResult(
                manifest.batchId(),
                manifest.dataset(),
                fileName,
                manifest.sha256(),
                manifest.reportDate(),
                manifest.reportDateSource(),
                manifest.rowsRead(),
                manifest.rowsAccepted(),
                manifest.rowsRejected(),
                manifest.rowsWarned(),
                true,
                Files.exists(rejects) ? Optional.of(rejects) : Optional.empty(),
                manifest.sameRowsAs());
    }

    private IngestResult write(IngestRequest request, FileProbe probe, Batches batches, IngestProgress progress)
            throws IOException, SQLException {
        Dataset dataset = request.dataset();
        String fileName = request.originalFileName();
        long batchId = batches.nextId();
        Schema schema = Converter.schemaOf(dataset);
        String datasetName = dataset.nameZh() + " (" + dataset.directory() + ")";
        try (OpenedTable opened = OpenedTable.open(fileName, probe, schema, datasetName, mapper)) {
            Table table = opened.table();
            // Registers need the owners too: a register row may not give a school to another district.
            Register register = Register.load(warehouse, batches, SchoolMoveLog.read(warehouse))
                    .submittedFrom(request.submitter().district());
            ReportDate reportDate = reportDate(request, table);
            Path staging = warehouse.raw(dataset).resolve(".batch=" + Warehouse.batchName(batchId) + ".tmp");
            Path rejectsTarget = warehouse.rejects(dataset, batchId);
            Counts counts;
            String sha256;
            Optional<Path> rejectsFile;
            try (RejectWriter rejects = new RejectWriter(rejectsTarget, fileName)) {
                Batches.deleteRecursively(staging);
                Files.createDirectories(staging);
                try (FirstRows firstRowOfHazard = new FirstRows(staging.resolve(".hazard-ids"), keyHash)) {
                    Converter converter = Converter.of(
                            dataset, reference, register, request.submitter().district(), firstRowOfHazard);
                    try (BatchWriter writer = new BatchWriter(
                            staging,
                            converter.columnsDdl(),
                            batchId,
                            (int) reportDate.date.toEpochDay(),
                            opened::shareRead)) {
                        try (WritePipeline pipeline = new WritePipeline(writer)) {
                            counts = load(table, converter, pipeline, rejects, progress);
                            pipeline.finish();
                        }
                        writer.finish();
                    }
                }
                sha256 = opened.sha256();
                Batches.deleteRecursively(staging.resolve(".spill"));
                DurableFiles.publish(staging, warehouse.rawBatch(dataset, batchId));
                rejectsFile = rejects.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                Batches.deleteQuietly(staging);
                Batches.deleteQuietly(warehouse.rawBatch(dataset, batchId));
                throw e;
            }
            batches.commit(new Manifest(
                    batchId,
                    dataset,
                    fileName,
                    sha256,
                    probe.size(),
                    reportDate.date,
                    reportDate.source,
                    OffsetDateTime.now(clock),
                    table.sheet(),
                    counts.read,
                    counts.accepted,
                    counts.rejected,
                    counts.warned,
                    request.submitter(),
                    Optional.empty(),
                    table.reportingUnitText()));
            return new IngestResult(
                    batchId,
                    dataset,
                    fileName,
                    sha256,
                    reportDate.date,
                    reportDate.source,
                    counts.read,
                    counts.accepted,
                    counts.rejected,
                    counts.warned,
                    false,
                    rejectsFile,
                    Optional.empty());
        }
    }

    private static final class Counts {
        long read;
        long accepted;
        long rejected;
        long warned;
    }

    private record ReportDate(LocalDate date, ReportDateSource source) {}

    /** The batch's report date: the caller's, else the file's 填报日期, else today; refused when out of range. */
    private ReportDate reportDate(IngestRequest request, Table table) {
        if (request.reportDate().isPresent()) {
            reportDates.check(request.reportDate().get(), ReportDateSource.FLAG);
            return new ReportDate(request.reportDate().get(), ReportDateSource.FLAG);
        }
        Optional<String> text = table.reportDateText();
        if (text.isPresent()) {
            int day = Dates.parse(text.get());
            if (!Dates.isError(day)) {
                LocalDate date = LocalDate.ofEpochDay(day);
                reportDates.check(date, ReportDateSource.FILE);
                return new ReportDate(date, ReportDateSource.FILE);
            }
        }
        return new ReportDate(LocalDate.now(clock), ReportDateSource.INGEST_TIME);
    }

    private static Counts load(
            Table table, Converter converter, WritePipeline pipeline, RejectWriter rejects, IngestProgress progress)
            throws IOException, SQLException {
        var counts = new Counts();
        ColumnMap columns = table.columns();
        var row = new RowCheck(columns, converter.schema());
        String sheet = table.sheet();
        Cells cells;
        while ((cells = table.next()) != null) {
            String error = table.rowError();
            if (error == null && (Table.isBlank(cells) || Table.isFooter(cells))) {
                continue;
            }
            counts.read++;
            if (error != null) {
                int split = error.indexOf(" / ");
                String zh = split < 0 ? error : error.substring(0, split);
                String en = split < 0 ? error : error.substring(split + 3);
                rejects.write(sheet, table.rowNumber(), new Problem(RejectReason.UNREADABLE_ROW, "", "", zh, en));
                counts.rejected++;
            } else {
                row.start(cells, table.rowNumber());
                if (converter.convert(row) && row.ok()) {
                    RowBatch batch = pipeline.current();
                    converter.append(batch);
                    batch.endRow(table.rowNumber(), columns.extraJson(cells));
                    pipeline.rowDone();
                    counts.accepted++;
                    if (!row.warnings().isEmpty()) {
                        counts.warned++;
                    }
                } else {
                    for (Problem problem : row.problems()) {
                        rejects.write(sheet, table.rowNumber(), problem);
                    }
                    counts.rejected++;
                }
            }
            if (counts.read % PROGRESS_EVERY == 0) {
                progress.rows(counts.read);
            }
        }
        progress.rows(counts.read);
        return counts;
    }
}
