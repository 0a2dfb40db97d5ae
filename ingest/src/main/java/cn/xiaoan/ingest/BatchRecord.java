package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One committed batch as its manifest records it: what file, from whom, when, and what became of its rows. */
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
        boolean hasRejects) {
    public BatchRecord {
        requireNonNull(dataset, "dataset");
        requireNonNull(fileName, "fileName");
        requireNonNull(sha256, "sha256");
        requireNonNull(reportDate, "reportDate");
        requireNonNull(reportDateSource, "reportDateSource");
        requireNonNull(ingestedAt, "ingestedAt");
        requireNonNull(sheet, "sheet");
        requireNonNull(submitter, "submitter");
    }
}
