package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.io.ByteArrayOutputStream;
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
        write(report, request.format(), out);
        return report;
    }

    /**
     * Writes the report from the given snapshot (a knowledge time's model, or a kept version): stamped with it, and
     * the same bytes whenever it is written again from the same stamp.
     */
    public ReportData render(ModelSnapshot snapshot, ReportRequest request, OutputStream out) throws IOException {
        ReportData report = data.gather(snapshot, request);
        write(report, request.format(), out);
        return report;
    }

    /**
     * Lays out numbers already gathered in a format, e.g. the DOCX and the XLSX of one report from one gathering, so
     * both carry the same numbers and the figures are computed once.
     */
    public void write(ReportData report, ReportFormat format, OutputStream out) throws IOException {
        if (report.request().kind() == ReportKind.MONTHLY && format != ReportFormat.XLSX) {
            throw new IllegalArgumentException("The monthly brief is a workbook: use xlsx");
        }
        var written = new ByteArrayOutputStream();
        switch (format) {
            case DOCX -> new DocxReportWriter().write(report, written);
            case XLSX -> new XlsxReportWriter().write(report, written);
        }
        out.write(ReportPackage.fixed(written.toByteArray(), report.generatedOn()));
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
