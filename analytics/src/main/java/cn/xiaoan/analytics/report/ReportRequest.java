package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A report to write: its kind, the year (annual) or month (monthly; the campaign is 2024–2026 whatever the year), the
 * city or one district, and the format. The monthly brief is a workbook only.
 */
public record ReportRequest(
        ReportKind kind, int year, Optional<YearMonth> month, Optional<String> district, ReportFormat format) {
    public ReportRequest {
        requireNonNull(kind, "kind");
        requireNonNull(month, "month");
        requireNonNull(district, "district");
        requireNonNull(format, "format");
        if (kind == ReportKind.MONTHLY && month.isEmpty()) {
            throw new IllegalArgumentException("Cannot write a monthly brief without a month: give --month YYYY-MM");
        }
        if (kind == ReportKind.MONTHLY && format != ReportFormat.XLSX) {
            throw new IllegalArgumentException("The monthly brief is a workbook: use --format xlsx");
        }
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("Cannot write a report for year " + year + ": give a year like 2026");
        }
    }

    public static ReportRequest annual(int year, Optional<String> district, ReportFormat format) {
        return new ReportRequest(ReportKind.ANNUAL, year, Optional.empty(), district, format);
    }

    public static ReportRequest campaign(Optional<String> district, ReportFormat format) {
        return new ReportRequest(ReportKind.CAMPAIGN, 2026, Optional.empty(), district, format);
    }

    public static ReportRequest monthly(YearMonth month, Optional<String> district) {
        return new ReportRequest(ReportKind.MONTHLY, month.getYear(), Optional.of(month), district, ReportFormat.XLSX);
    }
}
