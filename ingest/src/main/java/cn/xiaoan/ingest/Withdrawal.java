package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;

/** A batch taken back: it stays on disk but no model built after this counts it. */
public record Withdrawal(long batchId, String by, OffsetDateTime at, String reason) {
    public Withdrawal {
        requireNonNull(by, "by");
        requireNonNull(at, "at");
        requireNonNull(reason, "reason");
        if (batchId < 1) {
            throw new IllegalArgumentException("Cannot create withdrawal: batch id " + batchId + " is not positive");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("Cannot create withdrawal of batch " + batchId + ": blank reason");
        }
    }
}
