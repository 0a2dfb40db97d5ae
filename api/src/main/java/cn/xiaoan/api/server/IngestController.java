package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.WarehouseBusyException;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.BatchRecord;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.IngestResult;
import cn.xiaoan.ingest.Ingestor;
import cn.xiaoan.ingest.RejectedRow;
import cn.xiaoan.ingest.Submitter;
import cn.xiaoan.ingest.UnreadableFileException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Data submission: {@code POST /api/v1/ingest/{dataset}} takes a clerk's file through the same validation as {@code
 * xiaoan ingest} and answers with the batch summary; {@code /api/v1/batches} lists past batches and their rejected
 * rows. A district clerk submits for their district only (ingest rejects other districts' rows) and sees only their
 * district's batches.
 */
final class IngestController {
    static final int REJECT_PREVIEW_ROWS = 500;

    private final Ingestor ingestor;
    private final BatchHistory history;
    private final UploadReceiver receiver;
    private final RateLimiter limiter;
    private final ModelRefresher refresher;

    /** {@code ingestor} takes the warehouse write lock, so an upload queues behind a rebuild or another writer. */
    IngestController(
            Ingestor ingestor,
            BatchHistory history,
            UploadReceiver receiver,
            RateLimiter limiter,
            ModelRefresher refresher) {
        this.ingestor = requireNonNull(ingestor, "ingestor");
        this.history = requireNonNull(history, "history");
        this.receiver = requireNonNull(receiver, "receiver");
        this.limiter = requireNonNull(limiter, "limiter");
        this.refresher = requireNonNull(refresher, "refresher");
    }

    /** The answer to an upload: the batch and its counts, where to get the rejected rows, and the model rebuild. */
    record UploadSummary(
            long batchId,
            String dataset,
            String fileName,
            String sha256,
            LocalDate reportDate,
            String reportDateSource,
            long read,
            long accepted,
            long rejected,
            long warned,
            boolean alreadyIngested,
            String message,
            String batchUrl,
            String rejectsUrl,
            ModelRefresher.State model) {}

    /** A past batch as listed. */
    record BatchSummary(
            long batchId,
            String dataset,
            String datasetZh,
            String fileName,
            String sha256,
            LocalDate reportDate,
            String reportDateSource,
            OffsetDateTime ingestedAt,
            String submittedBy,
            String submitterDistrict,
            long read,
            long accepted,
            long rejected,
            long warned,
            String rejectsUrl) {
        static BatchSummary of(BatchRecord batch) {
            return new BatchSummary(
                    batch.batchId(),
                    batch.dataset().directory(),
                    batch.dataset().nameZh(),
                    batch.fileName(),
                    batch.sha256(),
                    batch.reportDate(),
                    batch.reportDateSource().name(),
                    batch.ingestedAt(),
                    batch.submitter().name(),
                    batch.submitter().district().orElse(null),
                    batch.read(),
                    batch.accepted(),
                    batch.rejected(),
                    batch.warned(),
                    batch.hasRejects() ? IngestController.rejectsUrl(batch.batchId()) : null);
        }
    }

    record BatchDetail(BatchSummary batch, List<RejectedRow> rejectedRows, boolean rejectedRowsTruncated) {}

    record BatchList(List<BatchSummary> batches, ModelRefresher.Status model) {}

    void upload(Context ctx) {
        Principal principal = AccessControl.principal(ctx);
        Dataset dataset = Dataset.fromDirectory(ctx.pathParam("dataset"));
        Optional<LocalDate> reportDate = reportDate(ctx.queryParam("reportDate"));
        limiter.acquire(principal.username(), "upload");
        UploadReceiver.Received file = receiver.receive(ctx);
        try {
            IngestResult result = ingestor.ingest(
                    new IngestRequest(
                            dataset,
                            file.path(),
                            file.name(),
                            reportDate,
                            new Submitter(
                                    principal.username(), principal.scope().district())),
                    IngestProgress.silent());
            ModelRefresher.State model = !result.alreadyIngested() && result.accepted() > 0
                    ? refresher.request()
                    : refresher.status().state();
            ctx.status(result.alreadyIngested() ? 200 : 201)
                    .json(new UploadSummary(
                            result.batchId(),
                            dataset.directory(),
                            result.fileName(),
                            result.sha256(),
                            result.reportDate(),
                            result.reportDateSource().name(),
                            result.read(),
                            result.accepted(),
                            result.rejected(),
                            result.warned(),
                            result.alreadyIngested(),
                            message(result),
                            "/api/v1/batches/" + result.batchId(),
                            result.rejected() > 0 ? rejectsUrl(result.batchId()) : null,
                            model));
        } catch (UnreadableFileException e) {
            throw new ApiException(422, "unreadable_file", e.getMessage() + " / 文件无法读取，未写入任何数据");
        } catch (WarehouseBusyException e) {
            throw new ApiException(503, "warehouse_busy", e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the uploaded copy " + file.path(), e);
            }
        }
    }

    void list(Context ctx) {
        Principal principal = AccessControl.principal(ctx);
        Optional<Dataset> dataset =
                Optional.ofNullable(ctx.queryParam("dataset")).map(Dataset::fromDirectory);
        List<BatchSummary> batches = history.list().stream()
                .filter(batch -> dataset.isEmpty() || batch.dataset() == dataset.get())
                .filter(batch -> visible(principal, batch))
                .map(BatchSummary::of)
                .toList();
        ctx.json(new BatchList(batches, refresher.status()));
    }

    void detail(Context ctx) {
        BatchRecord batch = batch(ctx);
        List<RejectedRow> rows = history.rejectedRows(batch, REJECT_PREVIEW_ROWS + 1);
        boolean truncated = rows.size() > REJECT_PREVIEW_ROWS;
        ctx.json(new BatchDetail(
                BatchSummary.of(batch), truncated ? rows.subList(0, REJECT_PREVIEW_ROWS) : rows, truncated));
    }

    void rejects(Context ctx) throws IOException {
        BatchRecord batch = batch(ctx);
        Path file = history.rejects(batch)
                .orElseThrow(() -> new ApiException(
                        404, "no_rejects", "Batch " + batch.batchId() + " has no rejected rows / 该批次没有退回行"));
        Downloads.attachment(ctx, "退回清单-批次" + batch.batchId() + ".csv", "text/csv; charset=utf-8");
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.outputStream());
        }
    }

    private BatchRecord batch(Context ctx) {
        Principal principal = AccessControl.principal(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_batch", "\"" + ctx.pathParam("id") + "\" is not a batch number");
        }
        BatchRecord batch = history.find(id)
                .orElseThrow(() -> new ApiException(404, "no_batch", "No batch " + id + " / 没有批次 " + id));
        if (!visible(principal, batch)) {
            throw new ApiException(
                    403, "out_of_scope", "Batch " + id + " was submitted for another district / 该批次不属于本辖区");
        }
        return batch;
    }

    /** City users see every batch; a district user sees the batches submitted for their district. */
    private static boolean visible(Principal principal, BatchRecord batch) {
        return principal.scope().district().isEmpty()
                || principal.scope().district().equals(batch.submitter().district());
    }

    private static Optional<LocalDate> reportDate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(
                    "invalid_report_date",
                    "reportDate \"" + value + "\" is not a date like 2026-11-20 / 填报日期格式应为 YYYY-MM-DD");
        }
    }

    private static String message(IngestResult result) {
        if (result.alreadyIngested()) {
            return "该文件已导入过，为批次 " + result.batchId() + "，本次未写入 / already ingested as batch " + result.batchId()
                    + ", nothing written";
        }
        return "批次 " + result.batchId() + "：读取 " + result.read() + " 行，接收 " + result.accepted() + " 行，退回 "
                + result.rejected() + " 行，警告 " + result.warned() + " 行 / batch " + result.batchId() + ": "
                + result.read() + " read, " + result.accepted() + " accepted, " + result.rejected() + " rejected, "
                + result.warned() + " warned";
    }

    private static String rejectsUrl(long batchId) {
        return "/api/v1/batches/" + batchId + "/rejects";
    }
}
