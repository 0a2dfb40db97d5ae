package cn.xiaoan.analytics.build;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.BatchRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A batch that one knowledge time counts and another does not: the batches responsible for the figures that changed
 * between them. {@code ADDED}: standing later, not earlier (ingested in between, or its report date now within
 * reported-by); {@code WITHDRAWN}: standing earlier, withdrawn by the later time; {@code LEFT_OUT}: standing earlier,
 * outside the later selection otherwise (a later time that is in fact earlier).
 *
 * @param at when it was ingested ({@code ADDED}, {@code LEFT_OUT}) or withdrawn ({@code WITHDRAWN})
 * @param by the clerk who sent it, or who withdrew it
 * @param district the sending clerk's district; empty for the city (command line, city users)
 */
public record BatchChange(
        Event event,
        long batchId,
        String dataset,
        String fileName,
        LocalDate reportDate,
        Instant at,
        String by,
        Optional<String> district,
        Optional<String> reason) {
    public enum Event {
        ADDED,
        WITHDRAWN,
        LEFT_OUT
    }

    public BatchChange {
        requireNonNull(event, "event");
        requireNonNull(district, "district");
        requireNonNull(reason, "reason");
    }

    /** The batches responsible for the difference between {@code earlier} and {@code later}, in batch order. */
    public static List<BatchChange> between(Warehouse warehouse, Knowledge earlier, Knowledge later) {
        List<BatchRecord> committed = new BatchHistory(warehouse).list();
        Map<Long, BatchRecord> before = standing(BatchSelection.of(earlier, committed, List.of()));
        Map<Long, BatchRecord> after = standing(BatchSelection.of(later, committed, List.of()));
        Map<Long, BatchRecord> laterSelected = BatchSelection.of(later, committed, List.of()).batches().stream()
                .collect(Collectors.toMap(BatchRecord::batchId, Function.identity()));
        var changes = new ArrayList<BatchChange>();
        after.values().stream()
                .filter(batch -> !before.containsKey(batch.batchId()))
                .forEach(batch -> changes.add(of(Event.ADDED, batch)));
        for (BatchRecord batch : before.values()) {
            if (after.containsKey(batch.batchId())) {
                continue;
            }
            BatchRecord asLater = laterSelected.get(batch.batchId());
            if (asLater != null && asLater.withdrawal().isPresent()) {
                var withdrawal = asLater.withdrawal().get();
                changes.add(new BatchChange(
                        Event.WITHDRAWN,
                        batch.batchId(),
                        batch.dataset().name().toLowerCase(java.util.Locale.ROOT),
                        batch.fileName(),
                        batch.reportDate(),
                        withdrawal.at().toInstant(),
                        withdrawal.by(),
                        batch.submitter().district(),
                        Optional.of(withdrawal.reason())));
            } else {
                changes.add(of(Event.LEFT_OUT, batch));
            }
        }
        changes.sort(Comparator.comparingLong(BatchChange::batchId));
        return changes;
    }

    private static BatchChange of(Event event, BatchRecord batch) {
        return new BatchChange(
                event,
                batch.batchId(),
                batch.dataset().name().toLowerCase(java.util.Locale.ROOT),
                batch.fileName(),
                batch.reportDate(),
                batch.ingestedAt().toInstant(),
                batch.submitter().name(),
                batch.submitter().district(),
                Optional.empty());
    }

    private static Map<Long, BatchRecord> standing(BatchSelection selection) {
        return selection.batches().stream()
                .filter(batch -> !batch.withdrawn())
                .collect(Collectors.toMap(BatchRecord::batchId, Function.identity()));
    }
}
