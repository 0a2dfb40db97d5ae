package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to generate: the output directory, the number of schools and of unique hazards, the seed (same seed, same
 * bytes) and the formats.
 */
public record GeneratorOptions(Path out, int schools, long hazards, long seed, Set<OutputFormat> formats) {
    /** Five-digit school sequences per district bound the register; far above any demo. */
    public static final int MAX_SCHOOLS = 1_000_000;

    public static final long MAX_HAZARDS = 2_000_000_000L;

    public GeneratorOptions {
        requireNonNull(out, "out");
        requireNonNull(formats, "formats");
        if (schools < 1 || schools > MAX_SCHOOLS) {
            throw new IllegalArgumentException(
                    "Cannot generate: schools must be between 1 and " + MAX_SCHOOLS + ", got " + schools);
        }
        if (hazards < 0 || hazards > MAX_HAZARDS) {
            throw new IllegalArgumentException(
                    "Cannot generate: hazards must be between 0 and " + MAX_HAZARDS + ", got " + hazards);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("Cannot generate: no output format chosen (expected CSV, XLSX or JSON)");
        }
        formats = Set.copyOf(EnumSet.copyOf(formats));
    }
}
