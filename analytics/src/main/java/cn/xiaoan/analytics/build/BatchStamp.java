package cn.xiaoan.analytics.build;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.ingest.BatchRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A standing batch as the model records it in {@code raw_batches}: which file, for which report date, ingested when,
 * how many rows it brought and the 填报单位 its title row names (null when none; it names the school of a nil return).
 */
public record BatchStamp(
        Dataset dataset,
        long batchId,
        LocalDate reportDate,
        Instant ingestedAt,
        String fileName,
        long rowsRead,
        String reportingUnit) {
    /** Fixed width, so that the text sorts as the instants do on every engine. */
    private static final DateTimeFormatter INSTANT_TEXT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public BatchStamp {
        requireNonNull(dataset, "dataset");
        requireNonNull(reportDate, "reportDate");
        requireNonNull(ingestedAt, "ingestedAt");
        requireNonNull(fileName, "fileName");
    }

    public static BatchStamp of(BatchRecord record) {
        return new BatchStamp(
                record.dataset(),
                record.batchId(),
                record.reportDate(),
                record.ingestedAt().toInstant(),
                record.fileName(),
                record.read(),
                record.reportingUnit().orElse(null));
    }

    /** The ingest instant in UTC to the microsecond, as {@code raw_batches.ingested_at} holds it. */
    public String ingestedAtText() {
        return INSTANT_TEXT.format(ingestedAt.truncatedTo(ChronoUnit.MICROS));
    }
}
