package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What one ingest did: the batch it wrote (or, when {@code alreadyIngested}, the earlier batch holding the same
 * bytes) and how many rows were read, accepted, rejected and accepted with warnings. {@code sameRowsAs} names the
 * batch whose rows a re-sent file shares: the same bytes for another report date record a submission, not new rows.
 */
public record IngestResult(
        long batchId,
        Dataset dataset,
        String fileName,
        String sha256,
        LocalDate reportDate,
        ReportDateSource reportDateSource,
        long read,
        long accepted,
        long rejected,
        long warned,
        boolean alreadyIngested,
        Optional<Path> rejectsFile,
        Optional<Long> sameRowsAs) {
    public IngestResult {
        requireNonNull(dataset, "dataset");
        requireNonNull(fileName, "fileName");
        requireNonNull(sha256, "sha256");
        requireNonNull(reportDate, "reportDate");
        requireNonNull(reportDateSource, "reportDateSource");
        requireNonNull(rejectsFile, "rejectsFile");
        requireNonNull(sameRowsAs, "sameRowsAs");
        if (batchId < 1) {
            throw new IllegalArgumentException("Cannot create ingest result: batch id " + batchId + " is not positive");
        }
        if (read != accepted + rejected) {
            throw new IllegalArgumentException("Cannot create ingest result: read " + read + " != accepted " + accepted
                    + " + rejected " + rejected);
        }
    }

    /** One line for a terminal, e.g. {@code ledger.xlsx: batch 3, 120 read, 118 accepted, 2 rejected, 5 warned}. */
    public String summary() {
        if (alreadyIngested) {
            return fileName + ": already ingested as batch " + batchId + " (sha256 " + sha256.substring(0, 12)
                    + "…), nothing written";
        }
        if (sameRowsAs.isPresent()) {
            return fileName + ": batch " + batchId + " for report date " + reportDate + ", the same rows as batch "
                    + sameRowsAs.get() + " (identical file), no rows stored again";
        }
        return fileName + ": batch " + batchId + ", " + read + " read, " + accepted + " accepted, " + rejected
                + " rejected, " + warned + " warned"
                + rejectsFile.map(path -> "; rejects in " + path).orElse("");
    }
}
