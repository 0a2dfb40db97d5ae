package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A built model: its version number, the raw batches it was built from, when, and what it knew ({@link Knowledge}:
 * latest for a published version, the asked knowledge time for a model built for a known-at question, whose number is
 * the published version it was built beside); stamped on every figure.
 */
public record ModelVersion(long version, List<Long> batchIds, Instant builtAt, Knowledge knowledge) {
    /** A published version: as known when it was built. */
    public ModelVersion(long version, List<Long> batchIds, Instant builtAt) {
        this(version, batchIds, builtAt, Knowledge.LATEST);
    }

    public ModelVersion {
        requireNonNull(knowledge, "knowledge");
        if (version < 1) {
            throw new IllegalArgumentException("Cannot create model version: " + version + " is not positive");
        }
        batchIds = List.copyOf(batchIds);
        requireNonNull(builtAt, "builtAt");
    }
}
