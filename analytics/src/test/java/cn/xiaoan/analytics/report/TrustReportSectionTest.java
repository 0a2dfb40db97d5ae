package cn.xiaoan.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.TrustLedger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The annual report's 台账可信度 section, on the hand-made ledger whose school reported a rectified hazard OPEN again
 * without a note: one of its two hazards flagged, score 50.0, in the document and in the workbook; the monthly report
 * has no such section.
 */
class TrustReportSectionTest {
    @TempDir
    Path root;

    @Test
    void annualReportCarriesTheAuditsScoresAndFindingsPerRule() throws Exception {
        TrustLedger ledger = TrustLedger.load("status_regressed", root);
        try (FigureService figures = ledger.figures()) {
            var reports = new ReportService(new ReportDataService(figures, TrustLedger.REFERENCE, TrustLedger.CLOCK));
            var docx = new ByteArrayOutputStream();
            ReportData data = reports.render(ReportRequest.annual(2026, Optional.empty(), ReportFormat.DOCX), docx);

            TrustSection section = data.trust().orElseThrow();
            assertThat(section.total().score()).isEqualTo(50.0);
            assertThat(section.weakestSchools())
                    .extracting(s -> s.schoolName() + " " + s.score())
                    .containsExactly("忻府区第一中学 50.0");
            try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
                String text = new XWPFWordExtractor(doc).getText();
                assertThat(text)
                        .contains(DocxReportWriter.TRUST_SECTION)
                        .contains("2 项隐患中 1 项存在疑点，可信度得分 50.0")
                        .contains("状态倒退 1 条");
            }

            var xlsx = new ByteArrayOutputStream();
            reports.render(ReportRequest.annual(2026, Optional.empty(), ReportFormat.XLSX), xlsx);
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
                Sheet sheet = workbook.getSheet(XlsxReportWriter.TRUST_SHEET);
                Row district = sheet.getRow(XlsxReportWriter.HEADER_ROW + 2);
                assertThat(district.getCell(0).getStringCellValue()).isEqualTo("忻府区");
                assertThat(district.getCell(2).getNumericCellValue()).isEqualTo(50.0);
                assertThat(district.getCell(5).getNumericCellValue()).isEqualTo(1.0);
                assertThat(sheet.getRow(XlsxReportWriter.HEADER_ROW).getCell(6).getStringCellValue())
                        .startsWith("状态倒退");
                assertThat(district.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            }

            ReportData monthly = reports.render(
                    ReportRequest.monthly(java.time.YearMonth.of(2026, 6), Optional.empty()),
                    new ByteArrayOutputStream());
            assertThat(monthly.trust()).isEmpty();
        }
    }
}
