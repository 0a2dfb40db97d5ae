package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/** What a generator run wrote: the files in ingest order, the unique hazards, the ledger rows over all snapshots. */
public record GenerationSummary(List<GeneratedFile> files, long hazards, long ledgerRows, Duration elapsed) {
    public GenerationSummary {
        files = List.copyOf(files);
        requireNonNull(elapsed, "elapsed");
    }

    /** Rows over every file of every format. */
    public long totalRows() {
        return files.stream().mapToLong(GeneratedFile::rows).sum();
    }
}
