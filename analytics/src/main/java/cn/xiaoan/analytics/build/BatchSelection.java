package cn.xiaoan.analytics.build;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.ingest.BatchRecord;
import cn.xiaoan.ingest.SchoolMove;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The batches and school moves a model built for a {@link Knowledge} reads: batches ingested at or before
 * {@code knownAt} whose report date is on or before {@code reportedBy}, each withdrawn only when its withdrawal was
 * recorded at or before {@code knownAt}; moves recorded at or before {@code knownAt}. The model is a pure function of
 * this selection, so its {@link #key()} names the model.
 */
public record BatchSelection(Knowledge knowledge, List<BatchRecord> batches, List<SchoolMove> moves) {
    public BatchSelection {
        requireNonNull(knowledge, "knowledge");
        batches = List.copyOf(batches);
        moves = List.copyOf(moves);
    }

    /** Narrows every committed batch (withdrawn ones included, as {@code BatchHistory} lists them) and every move. */
    public static BatchSelection of(Knowledge knowledge, List<BatchRecord> committed, List<SchoolMove> moves) {
        List<BatchRecord> selected = committed.stream()
                .filter(batch -> knowledge
                        .knownAt()
                        .map(at -> !batch.ingestedAt().toInstant().isAfter(at))
                        .orElse(true))
                .filter(batch -> knowledge
                        .reportedBy()
                        .map(by -> !batch.reportDate().isAfter(by))
                        .orElse(true))
                .map(batch -> asWithdrawnAt(batch, knowledge))
                .toList();
        List<SchoolMove> recorded = moves.stream()
                .filter(move -> knowledge
                        .knownAt()
                        .map(at -> !move.movedAt().toInstant().isAfter(at))
                        .orElse(true))
                .toList();
        return new BatchSelection(knowledge, selected, recorded);
    }

    /** The ids of the standing batches, ascending. */
    public List<Long> standingIds() {
        return batches.stream()
                .filter(batch -> !batch.withdrawn())
                .map(BatchRecord::batchId)
                .sorted()
                .toList();
    }

    /**
     * Names the model this selection builds: a hash of the standing batches and the moves (two knowledge times that
     * select the same batches share one model).
     */
    public String key() {
        var text = new StringBuilder("batches");
        standingIds().forEach(id -> text.append(' ').append(id));
        text.append(";moves");
        moves.forEach(move -> text.append(' ').append(move.sequence()));
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The batch as it stood at {@code knownAt}: a withdrawal recorded later had not happened yet. */
    private static BatchRecord asWithdrawnAt(BatchRecord batch, Knowledge knowledge) {
        if (batch.withdrawal().isEmpty() || knowledge.knownAt().isEmpty()) {
            return batch;
        }
        if (!batch.withdrawal()
                .get()
                .at()
                .toInstant()
                .isAfter(knowledge.knownAt().get())) {
            return batch;
        }
        return new BatchRecord(
                batch.batchId(),
                batch.dataset(),
                batch.fileName(),
                batch.sha256(),
                batch.reportDate(),
                batch.reportDateSource(),
                batch.ingestedAt(),
                batch.sheet(),
                batch.read(),
                batch.accepted(),
                batch.rejected(),
                batch.warned(),
                batch.submitter(),
                batch.hasRejects(),
                batch.sameRowsAs(),
                Optional.empty(),
                batch.reportingUnit());
    }
}
