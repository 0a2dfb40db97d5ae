package cn.xiaoan.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign's evaluation report: titled by the campaign, over its own period and area, with its phases, stock-flow
 * statement (the stock_flow_* figures) and goal outlook (labelled 预测); the annual summary names the campaigns of its
 * year; LibreOffice opens both files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignReportTest {
    static final ReferenceData REFERENCE = ReferenceData.load();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path root;

    private FigureService figures;
    private ReportService reports;

    @BeforeAll
    void buildModel() {
        Warehouse warehouse = new GeneratedWarehouse(REFERENCE).create(root.resolve("generated"), 60, 3_000, 3);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
        reports = new ReportService(new ReportDataService(figures, REFERENCE, CLOCK));
    }

    @AfterAll
    void close() {
        figures.close();
    }

    @Test
    void thePrimaryCampaignsReportCarriesPhasesStockFlowAndOutlook() throws Exception {
        var out = new ByteArrayOutputStream();
        ReportData data = reports.render(ReportRequest.campaign(Optional.empty(), ReportFormat.XLSX), out);
        CampaignDefinition campaign = data.campaign().campaign();

        assertThat(campaign.id()).isEqualTo("xinzhou-2024-2026");
        assertThat(data.title()).isEqualTo("忻州市" + campaign.name().zh() + "评估报告");
        assertThat(data.period().from()).isEqualTo(LocalDate.parse("2024-01-01"));
        // the statement's MAJOR total is the stock_flow_* figures of MAJOR hazards over the same period and area
        FigureRow major = figures.figures(
                        new Question(Optional.of(data.period()), Optional.of(data.asOf()), List.of(), Map.of())
                                .filtered(Dimension.SEVERITY, Set.of("MAJOR"))
                                .filtered(Dimension.DISTRICT, campaign.area().districtCodes()))
                .total();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getSheet("行动阶段 Phases")
                            .getRow(XlsxReportWriter.HEADER_ROW + 3)
                            .getCell(0)
                            .getStringCellValue())
                    .isEqualTo("动态清零");
            Sheet stockFlow = workbook.getSheet("存量流量 Stock-flow");
            Row majorTotal = stockFlow.getRow(XlsxReportWriter.HEADER_ROW + 1);
            assertThat(majorTotal.getCell(0).getStringCellValue()).isEqualTo("重大事故隐患");
            assertThat(majorTotal.getCell(1).getStringCellValue()).isEqualTo("合计 Total");
            assertThat(majorTotal.getCell(3).getNumericCellValue()).isEqualTo(major.value(Figure.STOCK_FLOW_OPENING));
            assertThat(majorTotal.getCell(4).getNumericCellValue()).isEqualTo(major.value(Figure.STOCK_FLOW_NEW));
            assertThat(majorTotal.getCell(5).getNumericCellValue()).isEqualTo(major.value(Figure.STOCK_FLOW_RESOLVED));
            assertThat(majorTotal.getCell(6).getNumericCellValue()).isEqualTo(major.value(Figure.STOCK_FLOW_CLOSING));
            Sheet outlook = workbook.getSheet("目标预测 Outlook (projection)");
            assertThat(outlook.getRow(0).getCell(0).getStringCellValue()).contains("预测");
            assertThat(workbook.getSheet("超期风险 Deadline risks")).isNotNull();
        }
        assertThat(data.campaign().outlook()).isPresent();
    }

    @Test
    void anotherCampaignsReportCoversItsOwnPeriodAndArea() throws Exception {
        var out = new ByteArrayOutputStream();
        ReportData data = reports.render(
                ReportRequest.campaign(Optional.of("pinglu-2023-100-day"), Optional.empty(), ReportFormat.DOCX), out);

        assertThat(data.area()).isEqualTo("平鲁区");
        assertThat(data.title()).isEqualTo("平鲁区全区学校安全隐患排查整治百日行动评估报告");
        assertThat(data.period().from()).isEqualTo(LocalDate.parse("2023-11-15"));
        assertThat(data.period().to()).isEqualTo(LocalDate.parse("2024-12-31"));
        assertThat(data.goals().campaign().id()).isEqualTo("pinglu-2023-100-day");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
                var text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("六、重大隐患与专项行动目标")
                    .contains("（一）行动阶段")
                    .contains("督查阶段")
                    .contains("（二）隐患存量流量表")
                    .contains("（三）目标预测（预测值，非统计指标）")
                    .doesNotContain("三年行动");
        }
    }

    @Test
    void theAnnualSummaryNamesTheCampaignsRunningInItsYear() throws Exception {
        var out = new ByteArrayOutputStream();
        ReportData data = reports.render(ReportRequest.annual(2024, Optional.empty(), ReportFormat.DOCX), out);

        assertThat(data.campaign().running())
                .extracting(CampaignDefinition::id)
                .containsExactlyInAnyOrder("pinglu-2023-100-day", "xinzhou-2024-2026");
        try (var doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
                var text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("本期开展的专项行动：").contains("全区学校安全隐患排查整治百日行动（朔州市平鲁区教育局");
        }
    }

    @Test
    void refusesAnUnknownCampaignNamingTheKnownOnes() {
        assertThatThrownBy(() -> reports.render(
                        ReportRequest.campaign(Optional.of("nowhere"), Optional.empty(), ReportFormat.DOCX),
                        new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No campaign nowhere")
                .hasMessageContaining("xinzhou-2024-2026");
        assertThatThrownBy(() -> new ReportRequest(
                        ReportKind.ANNUAL,
                        2026,
                        Optional.empty(),
                        Optional.empty(),
                        ReportFormat.DOCX,
                        Optional.of("xinzhou-2024-2026")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesCampaignFilesLibreOfficeCanOpen() throws Exception {
        Path target = Path.of("target", "reports");
        Files.createDirectories(target);
        for (ReportFormat format : List.of(ReportFormat.DOCX, ReportFormat.XLSX)) {
            Path file = target.resolve("campaign-xinzhou-" + format.code() + format.extension());
            try (var out = Files.newOutputStream(file)) {
                reports.render(ReportRequest.campaign(Optional.empty(), format), out);
            }
            OfficeConversion.Result pdf = OfficeConversion.toPdf(file, target);
            assertThat(pdf.pages()).as(file + " pages").isBetween(format == ReportFormat.DOCX ? 8 : 4, 400);
        }
    }
}
