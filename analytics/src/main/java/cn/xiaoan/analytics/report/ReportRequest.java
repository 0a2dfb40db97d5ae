package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Optional;

/**
 * A report to write: its kind, the year (annual) or month (monthly; a campaign report covers its campaign's period
 * whatever the year), the city or one district, the format, and for a campaign report the campaign's id (default:
 * the primary campaign). The monthly brief is a workbook only.
 */
public record ReportRequest(
        ReportKind kind,
        int year,
        Optional<YearMonth> month,
        Optional<String> district,
        ReportFormat format,
        Optional<String> campaign) {
    public ReportRequest {
        requireNonNull(kind, "kind");
        requireNonNull(campaign, "campaign");
        if (kind != ReportKind.CAMPAIGN && campaign.isPresent()) {
            throw new IllegalArgumentException("Only a campaign report is about one campaign: leave out --campaign");
        }
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

    /** A report of the primary campaign, if a campaign report. */
    public ReportRequest(
            ReportKind kind, int year, Optional<YearMonth> month, Optional<String> district, ReportFormat format) {
        this(kind, year, month, district, format, Optional.empty());
    }

    public static ReportRequest annual(int year, Optional<String> district, ReportFormat format) {
        return new ReportRequest(ReportKind.ANNUAL, year, Optional.empty(), district, format);
    }

    /** The primary campaign's evaluation report. */
    public static ReportRequest campaign(Optional<String> district, ReportFormat format) {
        return campaign(Optional.empty(), district, format);
    }

    /** A campaign's evaluation report (its own period is covered, whatever the year). */
    public static ReportRequest campaign(Optional<String> campaign, Optional<String> district, ReportFormat format) {
        // the year is not used (a campaign report covers its campaign's period): this year's number fills the slot
        int year = java.time.Year.now(java.time.Clock.systemUTC()).getValue();
        return new ReportRequest(ReportKind.CAMPAIGN, year, Optional.empty(), district, format, campaign);
    }

    public static ReportRequest monthly(YearMonth month, Optional<String> district) {
        return new ReportRequest(ReportKind.MONTHLY, month.getYear(), Optional.of(month), district, ReportFormat.XLSX);
    }
}
