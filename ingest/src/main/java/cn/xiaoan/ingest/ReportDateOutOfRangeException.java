package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A report date outside {@link ReportDateRule}'s bounds: the whole file is refused and nothing is written. The message
 * is in Chinese and English and says which date was given, where it came from and what is accepted.
 */
public final class ReportDateOutOfRangeException extends RuntimeException {
    private final LocalDate reportDate;
    private final ReportDateSource source;

    ReportDateOutOfRangeException(String message, LocalDate reportDate, ReportDateSource source) {
        super(message);
        this.reportDate = requireNonNull(reportDate, "reportDate");
        this.source = requireNonNull(source, "source");
    }

    public LocalDate reportDate() {
        return reportDate;
    }

    public ReportDateSource source() {
        return source;
    }
}
