package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** A built model: its version number, the raw batches it was built from and when; stamped on every figure. */
public record ModelVersion(long version, List<Long> batchIds, Instant builtAt) {
    public ModelVersion {
        if (version < 1) {
            throw new IllegalArgumentException("Cannot create model version: " + version + " is not positive");
        }
        batchIds = List.copyOf(batchIds);
        requireNonNull(builtAt, "builtAt");
    }
}
