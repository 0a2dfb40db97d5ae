package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The range a report date must fall in, whoever states it (the {@code --report-date} flag, the API's {@code
 * reportDate} parameter or the file's 填报日期): not before {@link #EARLIEST} and not after today by the server's clock,
 * with one day of tolerance for a clerk in another time zone or a clock a little behind. A ledger dated in the future
 * would win every "latest snapshot" comparison for years.
 */
public final class ReportDateRule {
    /** No ledger of the campaigns this warehouse serves is older. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Clock clock;

    public ReportDateRule(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** The latest date accepted today. */
    public LocalDate latest() {
        return LocalDate.now(clock).plusDays(1);
    }

    /**
     * Refuses a date out of range.
     *
     * @throws ReportDateOutOfRangeException with a zh/en message naming the date, its source and the accepted range
     */
    public void check(LocalDate date, ReportDateSource source) {
        requireNonNull(date, "date");
        requireNonNull(source, "source");
        LocalDate latest = latest();
        if (!date.isBefore(EARLIEST) && !date.isAfter(latest)) {
            return;
        }
        boolean future = date.isAfter(latest);
        String zh = "填报日期 " + date + "（" + source.nameZh() + "）"
                + (future ? "晚于今天 " + LocalDate.now(clock) + "，最晚可填 " + latest : "早于 " + EARLIEST)
                + "，整个文件未导入；请填写实际的填报日期";
        String en = "report date " + date + " (" + source.nameEn() + ") is "
                + (future
                        ? "after today " + LocalDate.now(clock) + " (latest accepted: " + latest + ")"
                        : "before " + EARLIEST)
                + "; nothing was ingested: give the date the return was actually made";
        throw new ReportDateOutOfRangeException(zh + " / " + en, date, source);
    }
}
