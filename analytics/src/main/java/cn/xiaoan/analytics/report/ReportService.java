package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes reports: gathers the numbers ({@link ReportDataService}) and lays them out as DOCX or XLSX. The caller (CLI
 * or HTTP endpoint) decides the scope; a district report asks every question filtered to that district.
 */
public final class ReportService {
    private final ReportDataService data;

    public ReportService(ReportDataService data) {
        this.data = requireNonNull(data, "data");
    }

    /** Writes the report and returns what it was computed from. */
    public ReportData render(ReportRequest request, OutputStream out) throws IOException {
        ReportData report = data.gather(request);
        switch (request.format()) {
            case DOCX -> new DocxReportWriter().write(report, out);
            case XLSX -> new XlsxReportWriter().write(report, out);
        }
        return report;
    }

    /** The numbers alone, without layout (for benchmarks: the time a report adds over its figures). */
    public ReportData gather(ReportRequest request) {
        return data.gather(request);
    }

    /** A file name people recognise, e.g. 忻州市2026年度学校安全隐患排查整治工作总结.docx. */
    public static String fileName(ReportData report) {
        return report.title() + "-v" + report.modelVersion().version()
                + report.request().format().extension();
    }
}
