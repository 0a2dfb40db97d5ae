package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.LockWait;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseLocks;
import cn.xiaoan.domain.WarehouseWrite;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Withdraws batches: the batch stays on disk, a line in the append-only {@link Withdrawals} log says who withdrew it,
 * when and why, and every model built afterwards leaves it out. Its bytes may then be ingested again.
 *
 * <p>Who may: the city (the command line, an administrator) any batch; a district clerk only a batch they sent
 * themselves, and only while it is the latest standing batch of that dataset for their district, so a clerk can take
 * back a mistaken upload but not rewrite history. The rule is checked under the writer lock, so it holds at the moment
 * of writing.
 */
public final class BatchWithdrawer {
    private final Warehouse warehouse;
    private final Clock clock;
    private final WarehouseLocks locks;
    private final ObjectMapper mapper = new ObjectMapper();

    public BatchWithdrawer(Warehouse warehouse, Clock clock) {
        this(warehouse, clock, WarehouseLocks.defaults());
    }

    /** {@code locks}: the process's warehouse locks, with the patience of this caller. */
    public BatchWithdrawer(Warehouse warehouse, Clock clock, WarehouseLocks locks) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.clock = requireNonNull(clock, "clock");
        this.locks = requireNonNull(locks, "locks");
    }

    /** Who asks for a withdrawal: their name, and whether they may withdraw any batch or only their own latest. */
    public record Requester(String name, boolean cityWide) {
        public Requester {
            requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Cannot create requester: blank name");
            }
        }

        /** Someone at the warehouse's command line. */
        public static Requester commandLine() {
            return new Requester(Submitter.COMMAND_LINE, true);
        }
    }

    /**
     * Withdraws the batch and returns the withdrawal as recorded.
     *
     * @throws WithdrawalRefusedException when there is no such batch, it was withdrawn already, or the requester may
     *     not withdraw it
     * @throws WarehouseBusyException when another writer holds the warehouse lock
     */
    public Withdrawal withdraw(long batchId, Requester requester, String reason) {
        requireNonNull(requester, "requester");
        requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("撤回须说明原因 / a withdrawal needs a reason");
        }
        try {
            try (WarehouseWrite write = locks.acquire(warehouse, "withdraw batch " + batchId, LockWait.silent())) {
                Batches batches = Batches.open(write, mapper);
                Manifest manifest = batches.manifest(batchId)
                        .orElseThrow(() -> new WithdrawalRefusedException(
                                WithdrawalRefusedException.Why.NO_SUCH_BATCH,
                                "没有批次 " + batchId + " / no batch " + batchId));
                batches.withdrawals().of(batchId).ifPresent(earlier -> {
                    throw new WithdrawalRefusedException(
                            WithdrawalRefusedException.Why.ALREADY_WITHDRAWN,
                            "批次 " + batchId + " 已于 " + earlier.at() + " 由 " + earlier.by() + " 撤回（" + earlier.reason()
                                    + "），不能再次撤回 / batch " + batchId + " was already withdrawn by " + earlier.by()
                                    + " at " + earlier.at() + " (" + earlier.reason() + ")");
                });
                if (!requester.cityWide()) {
                    checkClerk(batches, manifest, requester);
                }
                var withdrawal = new Withdrawal(batchId, requester.name(), OffsetDateTime.now(clock), reason.strip());
                batches.withdraw(withdrawal);
                return withdrawal;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot withdraw batch " + batchId + ": " + e.getMessage(), e);
        }
    }

    private static void checkClerk(Batches batches, Manifest manifest, Requester requester) {
        if (!manifest.submitter().name().equals(requester.name())) {
            throw new WithdrawalRefusedException(
                    WithdrawalRefusedException.Why.NOT_THE_SENDER,
                    "批次 " + manifest.batchId() + " 由 " + manifest.submitter().name() + " 报送，只有报送人或管理员可以撤回 / batch "
                            + manifest.batchId() + " was sent by "
                            + manifest.submitter().name()
                            + "; only its sender or an administrator may withdraw it");
        }
        List<Manifest> sameDistrict = batches.standing(manifest.dataset()).stream()
                .filter(other ->
                        other.submitter().district().equals(manifest.submitter().district()))
                .toList();
        if (!sameDistrict.isEmpty() && sameDistrict.get(0).batchId() != manifest.batchId()) {
            long latest = sameDistrict.get(0).batchId();
            throw new WithdrawalRefusedException(
                    WithdrawalRefusedException.Why.NOT_THE_LATEST,
                    "批次 " + manifest.batchId() + " 之后已有批次 " + latest + "（同一数据集、同一辖区），报送人只能撤回最新一批；请联系管理员 / batch "
                            + manifest.batchId() + " is followed by batch " + latest
                            + " of the same dataset and district; a clerk may withdraw only the latest, ask an"
                            + " administrator");
        }
    }
}
