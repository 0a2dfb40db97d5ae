package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.service.WarningListReport;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/warnings/{list}}: one warning list's page, named by its code as the path is, with the same
 * {@code total, offset, limit, rows} as each list of {@code GET /api/v1/warnings}.
 */
record WarningListBody(
        String list,
        String nameZh,
        String nameEn,
        Period period,
        LocalDate asOf,
        YearMonth submissionMonth,
        Set<String> districts,
        ModelVersion modelVersion,
        int signOffDays,
        int total,
        int offset,
        int limit,
        List<?> rows) {
    static WarningListBody of(WarningListReport report) {
        var page = report.list();
        return new WarningListBody(
                report.kind().code(),
                report.kind().nameZh(),
                report.kind().nameEn(),
                report.period(),
                report.asOf(),
                report.submissionMonth(),
                report.districts(),
                report.modelVersion(),
                report.signOffDays(),
                page.total(),
                page.offset(),
                page.limit(),
                page.rows());
    }
}
