package cn.xiaoan.analytics.publish;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Knowledge;
import java.nio.file.Path;

/**
 * Where the model of a known-at / reported-by question comes from: a directory laid out as a published version
 * ({@link ModelFiles}, {@link BuildManifest}), named by the selection of batches it was built from. The builder
 * implements it; serving only reads the directory it names.
 */
@FunctionalInterface
public interface KnownModelSource {
    /** The model as it was known with {@code knowledge} (never {@link Knowledge#LATEST}), built when missing. */
    KnownModel model(Knowledge knowledge);

    /** A model directory and the key of its selection (equal keys, equal models). */
    record KnownModel(String key, Path directory) {
        public KnownModel {
            requireNonNull(key, "key");
            requireNonNull(directory, "directory");
        }
    }

    /** For services made without a builder (tests, benchmarks): refuses every known-at question. */
    static KnownModelSource refusing() {
        return knowledge -> {
            throw new UnsupportedOperationException(
                    "Cannot answer " + knowledge.describe() + ": this service was made without a model builder");
        };
    }
}
