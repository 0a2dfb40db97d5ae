package cn.xiaoan.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.bench.GeneratedWarehouse;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports on generated data, read back with POI: every number equals the FigureService answer for the same scope and
 * period; a district report holds no other district; rendering again from the same model gives the same numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportTest {
    static final ReferenceData REFERENCE = ReferenceData.load();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    static final String XINFU = "140902";

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
    void writesTheWorkbookWithTheFiguresOfTheSamePeriodAndScope() throws Exception {
        var out = new ByteArrayOutputStream();
        ReportData data = reports.render(ReportRequest.annual(2026, Optional.empty(), ReportFormat.XLSX), out);
        Period period = data.period();
        FigureRow total = figures.figures(
                        new Question(Optional.of(period), Optional.of(data.asOf()), List.of(), Map.of()))
                .total();
        FigureTable byDistrict = figures.figures(
                new Question(Optional.of(period), Optional.of(data.asOf()), List.of(Dimension.DISTRICT), Map.of()));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Map<String, Double> summary = column(workbook.getSheet("概况 Summary"), 2);
            for (Figure figure : ReportDataService.KEY_FIGURES) {
                assertThat(summary.get(figure.code())).as(figure.code()).isEqualTo(rounded(figure, total));
            }
            assertThat(summary.get("found")).isPositive();
            Sheet districts = workbook.getSheet("分县区 By district");
            Map<String, Integer> codes = codes(districts);
            assertThat(districts.getLastRowNum() - XlsxReportWriter.HEADER_ROW)
                    .isEqualTo(byDistrict.rows().size());
            for (FigureRow expected : byDistrict.rows()) {
                Row row = rowOf(districts, expected.keys().get(0));
                for (Figure figure : Figure.values()) {
                    Cell cell = row.getCell(codes.get(figure.code()));
                    Double value = cell == null ? null : cell.getNumericCellValue();
                    assertThat(value)
                            .as("%s %s", expected.keys(), figure.code())
                            .isEqualTo(rounded(figure, expected));
                }
            }
            assertThat(workbook.getSheet("概况 Summary").getDrawingPatriarch().getCharts())
                    .hasSize(1);
            assertThat(workbook.getSheet("分县区 By district").getPaneInformation().isFreezePane())
                    .isTrue();
        }
    }

    @Test
    void writesTheDocumentWithTheSameNumbersAndTheModelVersion() throws Exception {
        var out = new ByteArrayOutputStream();
        ReportData data = reports.render(ReportRequest.annual(2026, Optional.empty(), ReportFormat.DOCX), out);
        FigureRow total = figures.figures(
                        new Question(Optional.of(data.period()), Optional.of(data.asOf()), List.of(), Map.of()))
                .total();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("模型第 " + data.modelVersion().version() + " 版");
            assertThat(text).contains("共排查隐患 " + Math.round(total.value(Figure.FOUND)) + " 项");
            XWPFTable summary = doc.getTables().get(0);
            Map<String, String> values = new HashMap<>();
            for (XWPFTableRow row : summary.getRows()) {
                values.put(row.getCell(0).getText(), row.getCell(1).getText());
            }
            for (Figure figure : ReportDataService.KEY_FIGURES) {
                assertThat(values.get(figure.nameZh()))
                        .as(figure.code())
                        .isEqualTo(Values.text(figure, total.value(figure)));
            }
            assertThat(doc.getCharts()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW().toString())
                    .isEqualTo("11906");
        }
    }

    @Test
    void keepsADistrictReportToItsDistrict() throws Exception {
        var docx = new ByteArrayOutputStream();
        reports.render(ReportRequest.annual(2026, Optional.of(XINFU), ReportFormat.DOCX), docx);
        var xlsx = new ByteArrayOutputStream();
        ReportData data = reports.render(ReportRequest.annual(2026, Optional.of(XINFU), ReportFormat.XLSX), xlsx);
        assertThat(data.title()).startsWith("忻府区");
        Set<String> others = REFERENCE.districts().all().stream()
                .filter(d -> !d.code().equals(XINFU))
                .map(District::nameZh)
                .collect(Collectors.toSet());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text).contains("忻府区");
            others.forEach(name -> assertThat(text).doesNotContain(name));
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet districts = workbook.getSheet("分县区 By district");
            assertThat(districts.getLastRowNum()).isEqualTo(XlsxReportWriter.HEADER_ROW + 1);
            assertThat(districts
                            .getRow(XlsxReportWriter.HEADER_ROW + 1)
                            .getCell(0)
                            .getStringCellValue())
                    .isEqualTo(XINFU);
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            others.forEach(name ->
                                    assertThat(cell.getStringCellValue()).doesNotContain(name));
                        }
                    }
                }
            }
            FigureRow xinfu = figures.figures(new Question(
                            Optional.of(data.period()),
                            Optional.of(data.asOf()),
                            List.of(),
                            Map.of(Dimension.DISTRICT, Set.of(XINFU))))
                    .total();
            assertThat(column(workbook.getSheet("概况 Summary"), 2).get("found")).isEqualTo(rounded(Figure.FOUND, xinfu));
        }
    }

    @Test
    void regeneratesTheSameNumbersFromTheSameModelVersion() throws Exception {
        var first = new ByteArrayOutputStream();
        var second = new ByteArrayOutputStream();
        ReportData a = reports.render(ReportRequest.campaign(Optional.empty(), ReportFormat.XLSX), first);
        ReportData b = reports.render(ReportRequest.campaign(Optional.empty(), ReportFormat.XLSX), second);
        assertThat(a.modelVersion()).isEqualTo(b.modelVersion());
        try (var one = new XSSFWorkbook(new ByteArrayInputStream(first.toByteArray()));
                var two = new XSSFWorkbook(new ByteArrayInputStream(second.toByteArray()))) {
            for (int s = 0; s < one.getNumberOfSheets(); s++) {
                Sheet left = one.getSheetAt(s);
                Sheet right = two.getSheetAt(s);
                assertThat(right.getLastRowNum()).isEqualTo(left.getLastRowNum());
                for (int r = 0; r <= left.getLastRowNum(); r++) {
                    assertThat(cells(right.getRow(r)))
                            .as("%s row %d", left.getSheetName(), r)
                            .isEqualTo(cells(left.getRow(r)));
                }
            }
            assertThat(one.getSheet("分年度 By year")).isNotNull();
        }
    }

    @Test
    void comparesTheMonthWithThePreviousMonthAndTheSameMonthLastYear() throws Exception {
        var out = new ByteArrayOutputStream();
        ReportData data = reports.render(ReportRequest.monthly(YearMonth.of(2026, 9), Optional.empty()), out);
        assertThat(data.comparisons()).extracting(Comparison::labelZh).containsExactly("上月", "上年同月");
        FigureRow august = figures.figures(new Question(
                        Optional.of(new Period(
                                java.time.LocalDate.parse("2026-08-01"), java.time.LocalDate.parse("2026-08-31"))),
                        Optional.empty(),
                        List.of(),
                        Map.of()))
                .total();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet summary = workbook.getSheet("概况 Summary");
            Map<String, Double> now = column(summary, 2);
            Map<String, Double> previous = column(summary, 3);
            Map<String, Double> change = column(summary, 4);
            assertThat(previous.get("found")).isEqualTo(rounded(Figure.FOUND, august));
            assertThat(change.get("found")).isEqualTo(now.get("found") - previous.get("found"));
            assertThat(change.get("open")).isEqualTo(now.get("open") - previous.get("open"));
        }
        assertThatThrownBy(() -> ReportRequest.monthly(YearMonth.of(2026, 9), Optional.empty())
                        .equals(new ReportRequest(
                                ReportKind.MONTHLY,
                                2026,
                                Optional.of(YearMonth.of(2026, 9)),
                                Optional.empty(),
                                ReportFormat.DOCX)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xlsx");
    }

    @Test
    void annexesTheResponsibilityListOfTheOpenHazardsToTheDocumentAndTheWorkbook() throws Exception {
        var docx = new ByteArrayOutputStream();
        ReportData data = reports.render(ReportRequest.annual(2026, Optional.empty(), ReportFormat.DOCX), docx);
        // the annex lists the hazards the open figure counts at the as-of date
        FigureRow total = figures.figures(
                        new Question(Optional.of(data.period()), Optional.of(data.asOf()), List.of(), Map.of()))
                .total();
        ResponsibilityAnnex annex = data.responsibilities();
        assertThat(annex.total())
                .isEqualTo(Math.round(total.value(Figure.OPEN)))
                .isPositive();
        assertThat(annex.asOf()).isEqualTo(data.asOf());
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
            String text = new XWPFWordExtractor(doc).getText();
            assertThat(text)
                    .contains(ResponsibilityAnnex.TITLE_ZH)
                    .contains("尚未整改的隐患共 " + annex.total() + " 项")
                    .contains(annex.groups().get(0).districtName() + "（"
                            + annex.groups().get(0).items().size() + " 项");
            XWPFTable last = doc.getTables().get(doc.getTables().size() - 1);
            assertThat(last.getRow(0).getCell(3).getText()).isEqualTo("责任单位");
        }
        var xlsx = new ByteArrayOutputStream();
        reports.render(ReportRequest.annual(2026, Optional.empty(), ReportFormat.XLSX), xlsx);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Sheet sheet = workbook.getSheet("整改责任清单 Responsibility list");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getLastRowNum() - XlsxReportWriter.HEADER_ROW).isEqualTo(annex.listed());
            assertThat(cells(sheet.getRow(XlsxReportWriter.HEADER_ROW)))
                    .contains("责任单位 Responsible unit", "督办 Supervised");
        }
    }

    @Test
    void writesFilesLibreOfficeCanOpen() throws Exception {
        Path target = Path.of("target", "reports");
        Files.createDirectories(target);
        for (ReportRequest request : List.of(
                ReportRequest.annual(2026, Optional.empty(), ReportFormat.DOCX),
                ReportRequest.annual(2026, Optional.empty(), ReportFormat.XLSX))) {
            Path file = target.resolve(
                    "annual-2026-" + request.format().code() + request.format().extension());
            try (var out = Files.newOutputStream(file)) {
                reports.render(request, out);
            }
            OfficeConversion.Result pdf = OfficeConversion.toPdf(file, target);
            assertThat(pdf.pages()).as(file + " pages").isBetween(request.format() == ReportFormat.DOCX ? 6 : 2, 200);
            Path png = OfficeConversion.firstPageAsPng(pdf.pdf(), target);
            assertThat(Files.size(png)).as(png.toString()).isGreaterThan(5_000);
        }
    }

    /** The value column of a sheet keyed by the code in column 0 (summary) — numbers as the writer stored them. */
    private static Map<String, Double> column(Sheet sheet, int column) {
        var values = new HashMap<String, Double>();
        for (int r = XlsxReportWriter.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null
                    || row.getCell(0) == null
                    || row.getCell(0).getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                continue;
            }
            Cell cell = row.getCell(column);
            values.putIfAbsent(row.getCell(0).getStringCellValue(), cell == null ? null : cell.getNumericCellValue());
        }
        return values;
    }

    private static Map<String, Integer> codes(Sheet sheet) {
        var codes = new HashMap<String, Integer>();
        for (Cell cell : sheet.getRow(1)) {
            codes.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return codes;
    }

    private static Row rowOf(Sheet sheet, String code) {
        for (int r = XlsxReportWriter.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
            if (sheet.getRow(r).getCell(0).getStringCellValue().equals(code)) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("No row " + code + " in " + sheet.getSheetName());
    }

    private static List<String> cells(Row row) {
        if (row == null) {
            return List.of();
        }
        var values = new java.util.ArrayList<String>();
        row.forEach(cell -> values.add(cell.toString()));
        return values;
    }

    /** Counts are stored whole; other values as they are. */
    private static Double rounded(Figure figure, FigureRow row) {
        Double value = row.value(figure);
        if (value == null) {
            return null;
        }
        return figure.unit() == cn.xiaoan.analytics.figure.FigureUnit.COUNT ? (double) Math.round(value) : value;
    }
}
