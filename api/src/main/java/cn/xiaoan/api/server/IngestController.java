package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.api.auth.Principal;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.WarehouseBusyException;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.BatchRecord;
import cn.xiaoan.ingest.BatchWithdrawer;
import cn.xiaoan.ingest.IngestProgress;
import cn.xiaoan.ingest.IngestRequest;
import cn.xiaoan.ingest.IngestResult;
import cn.xiaoan.ingest.Ingestor;
import cn.xiaoan.ingest.RejectedRow;
import cn.xiaoan.ingest.ReportDateOutOfRangeException;
import cn.xiaoan.ingest.ReportDateRule;
import cn.xiaoan.ingest.ReportDateSource;
import cn.xiaoan.ingest.Submitter;
import cn.xiaoan.ingest.UnreadableFileException;
import cn.xiaoan.ingest.Withdrawal;
import cn.xiaoan.ingest.WithdrawalRefusedException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Data submission: {@code POST /api/v1/ingest/{dataset}} takes a clerk's file through the same validation as {@code
 * xiaoan ingest} and answers with the batch summary; {@code /api/v1/batches} lists past batches and their rejected
 * rows; {@code DELETE /api/v1/batches/{id}} withdraws one. A district clerk submits for their district only (ingest
 * rejects other districts' rows) and sees only their district's batches.
 */
final class IngestController {
    static final int REJECT_PREVIEW_ROWS = 500;
    static final int MAX_REASON_LENGTH = 500;

    private final Ingestor ingestor;
    private final BatchHistory history;
    private final UploadReceiver receiver;
    private final RateLimiter limiter;
    private final ModelRefresher refresher;
    private final BatchWithdrawer withdrawer;
    private final ReportDateRule reportDates;

    /** {@code ingestor} takes the warehouse write lock, so an upload queues behind a rebuild or another writer. */
    IngestController(
            Ingestor ingestor,
            BatchHistory history,
            BatchWithdrawer withdrawer,
            ReportDateRule reportDates,
            UploadReceiver receiver,
            RateLimiter limiter,
            ModelRefresher refresher) {
        this.withdrawer = requireNonNull(withdrawer, "withdrawer");
        this.reportDates = requireNonNull(reportDates, "reportDates");
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
            Long sameRowsAs,
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
            String rejectsUrl,
            Long sameRowsAs,
            boolean withdrawn,
            String withdrawnBy,
            OffsetDateTime withdrawnAt,
            String withdrawalReason) {
        static BatchSummary of(BatchRecord batch) {
            Optional<Withdrawal> withdrawal = batch.withdrawal();
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
                    batch.hasRejects() ? IngestController.rejectsUrl(batch.batchId()) : null,
                    batch.sameRowsAs().orElse(null),
                    withdrawal.isPresent(),
                    withdrawal.map(Withdrawal::by).orElse(null),
                    withdrawal.map(Withdrawal::at).orElse(null),
                    withdrawal.map(Withdrawal::reason).orElse(null));
        }
    }

    record BatchDetail(BatchSummary batch, List<RejectedRow> rejectedRows, boolean rejectedRowsTruncated) {}

    record BatchList(List<BatchSummary> batches, ModelRefresher.Status model) {}

    /** The answer to a withdrawal: the batch as now listed, what was done, and the model rebuild it asked for. */
    record WithdrawalSummary(BatchSummary batch, String message, ModelRefresher.State model) {}

    /** The body of {@code DELETE /api/v1/batches/{id}} (the reason may come as {@code ?reason=} instead). */
    record WithdrawalBody(String reason) {}

    void upload(Context ctx) {
        Principal principal = AccessControl.principal(ctx);
        Dataset dataset = Dataset.fromDirectory(ctx.pathParam("dataset"));
        Optional<LocalDate> reportDate = new QueryParameters(ctx).date("reportDate");
        try {
            // refused before the upload is read: nothing is received, nothing written
            reportDate.ifPresent(date -> reportDates.check(date, ReportDateSource.FLAG));
        } catch (ReportDateOutOfRangeException e) {
            throw reportDateOutOfRange(e);
        }
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
            // a re-sent file adds no row but a submission (ledger_submissions), so the model is rebuilt as well
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
                            result.sameRowsAs().orElse(null),
                            message(result),
                            "/api/v1/batches/" + result.batchId(),
                            result.rejected() > 0 ? rejectsUrl(result.batchId()) : null,
                            model));
        } catch (UnreadableFileException e) {
            throw new ApiException(422, "unreadable_file", e.getMessage() + " / 文件无法读取，未写入任何数据");
        } catch (ReportDateOutOfRangeException e) {
            throw reportDateOutOfRange(e);
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

    /**
     * {@code DELETE /api/v1/batches/{id}}: withdraws a batch (an administrator any batch, a clerk the latest one they
     * sent for their district), then asks for a model rebuild that leaves it out.
     */
    void withdraw(Context ctx) {
        Principal principal = AccessControl.principal(ctx);
        BatchRecord batch = batch(ctx);
        String reason = withdrawalReason(ctx);
        var requester = new BatchWithdrawer.Requester(principal.username(), principal.role() == Role.ADMIN);
        Withdrawal withdrawal;
        try {
            withdrawal = withdrawer.withdraw(batch.batchId(), requester, reason);
        } catch (WithdrawalRefusedException e) {
            throw switch (e.why()) {
                case NO_SUCH_BATCH -> new ApiException(404, "no_batch", e.getMessage());
                case ALREADY_WITHDRAWN -> new ApiException(409, "already_withdrawn", e.getMessage());
                case NOT_THE_SENDER -> new ApiException(403, "not_batch_sender", e.getMessage());
                case NOT_THE_LATEST -> new ApiException(403, "not_latest_batch", e.getMessage());
            };
        } catch (WarehouseBusyException e) {
            throw new ApiException(503, "warehouse_busy", e.getMessage());
        }
        ModelRefresher.State model = refresher.request();
        BatchRecord withdrawn = history.find(batch.batchId()).orElseThrow();
        ctx.json(new WithdrawalSummary(
                BatchSummary.of(withdrawn),
                "批次 " + withdrawal.batchId() + " 已撤回，模型将重新构建，不再计入该批次 / batch " + withdrawal.batchId()
                        + " withdrawn; the model is being rebuilt without it",
                model));
    }

    private static String withdrawalReason(Context ctx) {
        String reason = ctx.queryParam("reason");
        if ((reason == null || reason.isBlank()) && !ctx.body().isBlank()) {
            try {
                reason = ctx.bodyAsClass(WithdrawalBody.class).reason();
            } catch (RuntimeException e) {
                throw ApiException.badRequest(
                        "invalid_body", "Send JSON {\"reason\": \"…\"} or ?reason=… / 请求内容应为 {\"reason\": \"撤回原因\"}");
            }
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest(
                    "reason_required",
                    "撤回须说明原因：请求体 {\"reason\": \"…\"} 或 ?reason=… / a withdrawal needs a reason: body"
                            + " {\"reason\": \"…\"} or ?reason=…");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw ApiException.badRequest(
                    "reason_too_long",
                    "撤回原因最多 " + MAX_REASON_LENGTH + " 字 / the reason may have at most " + MAX_REASON_LENGTH
                            + " characters");
        }
        return reason.strip();
    }

    private static ApiException reportDateOutOfRange(ReportDateOutOfRangeException e) {
        return new ApiException(422, "report_date_out_of_range", e.getMessage());
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

    private static String message(IngestResult result) {
        if (result.sameRowsAs().isPresent()) {
            long same = result.sameRowsAs().get();
            return "与批次 " + same + " 文件相同，已记为填报日期 " + result.reportDate() + " 的报送（批次 " + result.batchId()
                    + "），数据不重复存储 / the same file as batch " + same + ": recorded as the submission for "
                    + result.reportDate() + " (batch " + result.batchId() + "), no rows stored again";
        }
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
