package cn.xiaoan.ingest;

import cn.xiaoan.domain.Dataset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows one standing batch contributes to a model: the Parquet parts of batch {@code rowsBatchId}, read with this
 * batch's own {@code batchId} and {@code reportDate} (both constant columns of a batch). For a batch with its own rows
 * the two ids are equal; a batch that re-sent an earlier batch's bytes for another report date reads that batch's
 * parts as its own snapshot, so no row is stored twice.
 */
public record BatchRows(long batchId, LocalDate reportDate, long rowsBatchId) {
    /**
     * Datasets whose rows are snapshots dated by the report date: the current state is the latest snapshot (hazards,
     * register entries), so a re-sent file is one more snapshot and counts nothing twice. The other datasets list
     * events dated by their own columns (visits, drills, surveys), where the same rows twice would be two events.
     */
    private static final Set<Dataset> SNAPSHOTS = EnumSet.of(Dataset.LEDGER, Dataset.SCHOOLS);

    public boolean ownRows() {
        return batchId == rowsBatchId;
    }

    /**
     * What the standing batches of {@code dataset} contribute, in batch order. Withdrawn batches contribute nothing,
     * but their parts stay readable for the batches that re-sent their bytes. For event datasets each set of rows is
     * read once, under the first standing batch that holds or re-sent it.
     */
    public static List<BatchRows> of(Dataset dataset, List<BatchRecord> batches) {
        var contributing = new ArrayList<BatchRows>();
        var rowsTaken = new HashSet<Long>();
        batches.stream()
                .filter(batch -> batch.dataset() == dataset && !batch.withdrawn())
                .sorted(Comparator.comparingLong(BatchRecord::batchId))
                .forEach(batch -> {
                    if (SNAPSHOTS.contains(dataset) || rowsTaken.add(batch.rowsBatchId())) {
                        contributing.add(new BatchRows(batch.batchId(), batch.reportDate(), batch.rowsBatchId()));
                    }
                });
        return contributing;
    }
}
