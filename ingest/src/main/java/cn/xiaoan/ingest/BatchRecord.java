package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One committed batch as its manifest records it: what file, from whom, when, and what became of its rows; whether it
 * re-sent the bytes of an earlier batch ({@code sameRowsAs}), whether it was withdrawn, and the 填报单位 its title
 * row names ({@code reportingUnit}: how a nil return, a file without rows, says which school sent it).
 */
public record BatchRecord(
        long batchId,
        Dataset dataset,
        String fileName,
        String sha256,
        LocalDate reportDate,
        ReportDateSource reportDateSource,
        OffsetDateTime ingestedAt,
        String sheet,
        long read,
        long accepted,
        long rejected,
        long warned,
        Submitter submitter,
        boolean hasRejects,
        Optional<Long> sameRowsAs,
        Optional<Withdrawal> withdrawal,
        Optional<String> reportingUnit) {
    public BatchRecord {
        requireNonNull(dataset, "dataset");
        requireNonNull(fileName, "fileName");
        requireNonNull(sha256, "sha256");
        requireNonNull(reportDate, "reportDate");
        requireNonNull(reportDateSource, "reportDateSource");
        requireNonNull(ingestedAt, "ingestedAt");
        requireNonNull(sheet, "sheet");
        requireNonNull(submitter, "submitter");
        requireNonNull(sameRowsAs, "sameRowsAs");
        requireNonNull(withdrawal, "withdrawal");
        requireNonNull(reportingUnit, "reportingUnit");
    }

    public boolean withdrawn() {
        return withdrawal.isPresent();
    }

    /** The batch whose Parquet parts hold this batch's rows: itself, or the one whose bytes it re-sent. */
    public long rowsBatchId() {
        return sameRowsAs.orElse(batchId);
    }
}
