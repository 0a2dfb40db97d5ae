package cn.xiaoan.api.cli;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.BatchRecord;
import cn.xiaoan.ingest.BatchWithdrawer;
import cn.xiaoan.ingest.Withdrawal;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xiaoan batches list|withdraw}: the committed batches of a warehouse, and taking one back. */
@Command(
        name = "batches",
        mixinStandardHelpOptions = true,
        description = {"报送批次：查看与撤回", "Batches: list them, withdraw one"},
        subcommands = {BatchesCommand.ListBatches.class, BatchesCommand.Withdraw.class})
public final class BatchesCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {"列出批次（最新在前），含撤回记录", "List batches, newest first, withdrawals included"})
    static final class ListBatches implements Callable<Integer> {
        private final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WarehouseOption warehouseOption;

        @Option(
                names = "--dataset",
                paramLabel = "NAME",
                description = "只列此数据集 Only this dataset: schools, ledger, inspections, surveys, drills")
        String dataset;

        @Option(names = "--json", description = "输出 JSON Print JSON")
        boolean json;

        /** One batch in {@code --json} output. */
        record ListedBatch(
                long batchId,
                String dataset,
                String fileName,
                String sha256,
                String reportDate,
                String reportDateSource,
                String ingestedAt,
                String submittedBy,
                String submitterDistrict,
                long read,
                long accepted,
                long rejected,
                long warned,
                Long sameRowsAs,
                boolean withdrawn,
                String withdrawnBy,
                String withdrawnAt,
                String withdrawalReason) {
            static ListedBatch of(BatchRecord batch) {
                Optional<Withdrawal> withdrawal = batch.withdrawal();
                return new ListedBatch(
                        batch.batchId(),
                        batch.dataset().directory(),
                        batch.fileName(),
                        batch.sha256(),
                        batch.reportDate().toString(),
                        batch.reportDateSource().name(),
                        batch.ingestedAt().toString(),
                        batch.submitter().name(),
                        batch.submitter().district().orElse(null),
                        batch.read(),
                        batch.accepted(),
                        batch.rejected(),
                        batch.warned(),
                        batch.sameRowsAs().orElse(null),
                        withdrawal.isPresent(),
                        withdrawal.map(Withdrawal::by).orElse(null),
                        withdrawal.map(w -> w.at().toString()).orElse(null),
                        withdrawal.map(Withdrawal::reason).orElse(null));
            }
        }

        ListBatches(Components components) {
            this.components = components;
        }

        @Override
        public Integer call() throws Exception {
            Optional<Dataset> only = Optional.ofNullable(dataset).map(Dataset::fromDirectory);
            List<BatchRecord> batches = new BatchHistory(components.warehouse(warehouseOption.warehouse))
                    .list().stream()
                            .filter(batch -> only.isEmpty() || batch.dataset() == only.get())
                            .toList();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(components
                        .json()
                        .writeValueAsString(
                                batches.stream().map(ListedBatch::of).toList()));
                return 0;
            }
            out.println(
                    "batch\tdataset\treport_date\tingested_at\tsubmitted_by\tread\taccepted\trejected\tfile\tstatus");
            for (BatchRecord batch : batches) {
                out.println(batch.batchId() + "\t" + batch.dataset().directory() + "\t" + batch.reportDate() + "\t"
                        + batch.ingestedAt() + "\t" + batch.submitter().name() + "\t" + batch.read() + "\t"
                        + batch.accepted() + "\t" + batch.rejected() + "\t" + batch.fileName() + "\t" + status(batch));
            }
            return 0;
        }

        private static String status(BatchRecord batch) {
            String shared = batch.sameRowsAs()
                    .map(id -> "同批次 " + id + " 数据 same rows as batch " + id + "; ")
                    .orElse("");
            return shared
                    + batch.withdrawal()
                            .map(w -> "已撤回 withdrawn by " + w.by() + " at " + w.at() + ": " + w.reason())
                            .orElse("有效 standing");
        }
    }

    @Command(
            name = "withdraw",
            mixinStandardHelpOptions = true,
            description = {
                "撤回一个批次：数据保留在磁盘上，撤回记录（人、时间、原因）追加到 manifest/withdrawals.jsonl，下次构建模型时不再计入",
                "Withdraw a batch: it stays on disk, the withdrawal (who, when, why) is appended to"
                        + " manifest/withdrawals.jsonl, and the next model build leaves it out"
            })
    static final class Withdraw implements Callable<Integer> {
        private final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WarehouseOption warehouseOption;

        @Mixin
        WriteOptions writeOptions;

        @Parameters(paramLabel = "N", description = "批次号 Batch number")
        long batchId;

        @Option(
                names = "--reason",
                required = true,
                paramLabel = "TEXT",
                description = "撤回原因（必填，记录在案） Why (required, kept in the log)")
        String reason;

        Withdraw(Components components) {
            this.components = components;
        }

        @Override
        public Integer call() {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("撤回须说明原因（--reason）/ give the reason with --reason");
            }
            Warehouse warehouse = components.warehouse(warehouseOption.warehouse);
            Withdrawal withdrawal = new BatchWithdrawer(warehouse, components.clock(), writeOptions.locks(components))
                    .withdraw(batchId, BatchWithdrawer.Requester.commandLine(), reason);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    "批次 %d 已撤回（%s，%s）；运行 xiaoan build 后模型不再计入 / batch %d withdrawn (%s, %s);"
                            + " run xiaoan build and the model leaves it out%n",
                    withdrawal.batchId(),
                    withdrawal.at(),
                    withdrawal.reason(),
                    withdrawal.batchId(),
                    withdrawal.at(),
                    withdrawal.reason());
            return 0;
        }
    }
}
