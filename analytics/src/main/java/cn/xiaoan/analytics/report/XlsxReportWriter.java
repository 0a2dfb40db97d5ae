package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.FigureUnit;
import cn.xiaoan.analytics.service.GoalMeasure;
import cn.xiaoan.analytics.service.GoalProgress;
import cn.xiaoan.analytics.service.HazardItem;
import cn.xiaoan.analytics.service.ResponsibilityItem;
import cn.xiaoan.analytics.service.TrendPoint;
import cn.xiaoan.analytics.service.TrustAudit;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as a workbook: a summary sheet with a native chart, then one sheet per breakdown, the monthly trend and
 * the lists (streamed with SXSSF, so long lists stay in bounded memory). Every sheet has a title row, a row of figure
 * codes (so a number can be traced to its definition in docs/FIGURES.md), a frozen header with filters, and number
 * formats (percent with one decimal).
 */
final class XlsxReportWriter {
    /** Rows above the data: title, codes, header. */
    static final int HEADER_ROW = 2;

    private static final int ROWS_IN_MEMORY = 200;

    void write(ReportData data, OutputStream out) throws IOException {
        var template = new XSSFWorkbook();
        var styles = new Styles(template);
        XSSFSheet summary = template.createSheet("概况 Summary");
        summary(summary, data, styles);
        // closing the streaming workbook deletes its temporary files
        try (var workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY)) {
            data.byYear()
                    .ifPresent(years -> breakdown(
                            workbook.createSheet("分年度 By year"), data, styles, years, Dimension.YEAR, "年度 Year"));
            breakdown(
                    workbook.createSheet("分县区 By district"),
                    data,
                    styles,
                    data.byDistrict(),
                    Dimension.DISTRICT,
                    "县区 District");
            breakdown(
                    workbook.createSheet("分类别 By category"),
                    data,
                    styles,
                    data.byCategory(),
                    Dimension.CATEGORY,
                    "类别 Category");
            breakdown(
                    workbook.createSheet("分学校类型 By school type"),
                    data,
                    styles,
                    data.bySchoolType(),
                    Dimension.SCHOOL_TYPE,
                    "学校类型 School type");
            trend(workbook.createSheet("月度趋势 Monthly"), data, styles);
            goals(workbook.createSheet(data.campaign().primary() ? "三年行动目标 Goals" : "专项行动目标 Goals"), data, styles);
            if (data.request().kind() == ReportKind.CAMPAIGN) {
                XlsxCampaignSections.write(workbook, data, styles);
            }
            overdue(workbook.createSheet("超期未整改 Overdue"), data, styles);
            majorOpen(workbook.createSheet("重大隐患未整改 Major open"), data, styles);
            ReportStamp.of(data).writeTo(workbook.getXSSFWorkbook().getProperties());
            if (data.trust().isPresent()) {
                trust(workbook.createSheet(TRUST_SHEET), data, data.trust().get(), styles);
            }
            responsibilities(workbook.createSheet("整改责任清单 Responsibility list"), data, styles);
            workbook.write(out);
        }
    }

    private static void summary(XSSFSheet sheet, ReportData data, Styles styles) {
        title(sheet, data.title(), styles);
        Row info = sheet.createRow(1);
        text(
                info,
                0,
                "统计期间 " + data.period().from() + " – " + data.period().to() + "；数据截至 As of " + data.asOf()
                        + "；模型版本 Model version " + data.modelVersion().version() + "；生成 Generated "
                        + data.generatedOn(),
                null);
        var headers = new ArrayList<String>(List.of("代码 Code", "指标 Figure", "本期 This period"));
        data.comparisons().forEach(c -> {
            headers.add(c.labelZh() + " " + c.labelEn());
            headers.add("变化 Change");
        });
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        for (Figure figure : ReportDataService.KEY_FIGURES) {
            Row row = sheet.createRow(r++);
            text(row, 0, figure.code(), null);
            text(row, 1, figure.nameZh() + " " + figure.nameEn(), null);
            number(row, 2, figure, data.total().value(figure), styles);
            int c = 3;
            for (Comparison comparison : data.comparisons()) {
                number(row, c++, figure, comparison.total().value(figure), styles);
                number(row, c++, figure, comparison.change(figure).change(), styles);
            }
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 34 * 256);
        for (int c = 2; c < headers.size(); c++) {
            sheet.setColumnWidth(c, 18 * 256);
        }
        // the chart's data: found by category, below the summary
        int first = r + 2;
        Row chartHeader = sheet.createRow(first - 1);
        text(chartHeader, 0, "category", styles.header);
        text(chartHeader, 1, "分类别发现隐患 Found by category", styles.header);
        int rows = 0;
        for (FigureRow row : data.byCategory().rows()) {
            Row line = sheet.createRow(first + rows++);
            text(line, 0, row.keys().get(0), null);
            text(line, 1, data.name(Dimension.CATEGORY, row.keys().get(0)), null);
            number(line, 2, Figure.FOUND, row.value(Figure.FOUND), styles);
        }
        if (rows > 0) {
            chart(sheet, first, first + rows - 1, first + rows + 1);
        }
    }

    private static void chart(XSSFSheet sheet, int firstRow, int lastRow, int anchorRow) {
        XSSFClientAnchor anchor =
                sheet.createDrawingPatriarch().createAnchor(0, 0, 0, 0, 0, anchorRow, 8, anchorRow + 20);
        XSSFChart chart = sheet.createDrawingPatriarch().createChart(anchor);
        chart.setTitleText("分类别发现隐患 Found by category");
        chart.setTitleOverlay(false);
        var bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        var left = chart.createValueAxis(AxisPosition.LEFT);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        var bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
        bars.setBarDirection(BarDirection.COL);
        bars.setVaryColors(false);
        XDDFChartData.Series series = bars.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(firstRow, lastRow, 1, 1)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, lastRow, 2, 2)));
        series.setTitle("发现隐患 Found", null);
        var shape = new XDDFShapeProperties();
        shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
        series.setShapeProperties(shape);
        chart.plot(bars);
    }

    private static void breakdown(
            Sheet sheet, ReportData data, Styles styles, FigureTable table, Dimension dimension, String label) {
        title(sheet, data.title() + " — " + label, styles);
        Row codes = sheet.createRow(1);
        text(codes, 0, dimension.code(), null);
        text(codes, 1, dimension.code() + "_name", null);
        var headers = new ArrayList<String>(List.of(label + " 代码", label));
        for (int f = 0; f < Figure.values().length; f++) {
            Figure figure = Figure.values()[f];
            text(codes, 2 + f, figure.code(), null);
            headers.add(figure.nameZh() + " " + figure.nameEn());
        }
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        for (FigureRow row : table.rows()) {
            Row line = sheet.createRow(r++);
            text(line, 0, row.keys().get(0), null);
            text(
                    line,
                    1,
                    dimension.kind() == Dimension.Kind.TIME
                            ? row.keys().get(0)
                            : data.name(dimension, row.keys().get(0)),
                    null);
            for (int f = 0; f < Figure.values().length; f++) {
                number(line, 2 + f, Figure.values()[f], row.value(Figure.values()[f]), styles);
            }
        }
        finish(sheet, headers.size(), r - 1);
    }

    private static void trend(Sheet sheet, ReportData data, Styles styles) {
        title(sheet, data.title() + " — 月度趋势 Monthly trend", styles);
        List<Figure> figures = List.of(
                Figure.FOUND,
                Figure.MAJOR_FOUND,
                Figure.RECTIFIED,
                Figure.RECTIFICATION_RATE,
                Figure.OPEN,
                Figure.OVERDUE,
                Figure.MAJOR_OPEN);
        Row codes = sheet.createRow(1);
        text(codes, 0, "month", null);
        var headers = new ArrayList<String>(List.of("月份 Month"));
        for (int f = 0; f < figures.size(); f++) {
            text(codes, 1 + f, figures.get(f).code(), null);
            headers.add(figures.get(f).nameZh() + " " + figures.get(f).nameEn());
        }
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        for (TrendPoint point : data.trend().points()) {
            Row line = sheet.createRow(r++);
            text(line, 0, point.code(), null);
            for (int f = 0; f < figures.size(); f++) {
                number(line, 1 + f, figures.get(f), point.rows().get(0).value(figures.get(f)), styles);
            }
        }
        finish(sheet, headers.size(), r - 1);
    }

    private static void goals(Sheet sheet, ReportData data, Styles styles) {
        title(
                sheet,
                data.title() + (data.campaign().primary() ? " — 三年行动目标" : " — 专项行动目标") + " Campaign goals（截至 "
                        + data.goals().asOf() + "）",
                styles);
        sheet.createRow(1);
        List<String> headers = List.of("县区 District", "目标 Goal", "时限 Deadline", "完成情况 Status", "依据 Measures");
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        for (GoalProgress progress : data.goals().progress()) {
            Row line = sheet.createRow(r++);
            text(line, 0, data.name(Dimension.DISTRICT, progress.districtCode()), null);
            text(line, 1, progress.goal().name().zh(), null);
            date(line, 2, progress.goal().judgedOn(), styles);
            text(line, 3, progress.status().nameZh() + " " + progress.status().nameEn(), null);
            var measures = new StringBuilder();
            for (GoalMeasure measure : progress.measures()) {
                measures.append(measures.length() == 0 ? "" : "；")
                        .append(measure.nameZh())
                        .append(" ")
                        .append(Values.text(measure.figure(), measure.value()));
            }
            text(line, 4, measures.toString(), null);
        }
        finish(sheet, headers.size(), r - 1);
    }

    private static void overdue(Sheet sheet, ReportData data, Styles styles) {
        long total = data.overdue().total();
        int listed = data.overdue().items().size();
        title(
                sheet,
                data.title() + " — 超期未整改隐患 Overdue hazards（截至 " + data.asOf() + "，共 " + total + " 项"
                        + (listed < total ? "，列出超期最长的 " + listed + " 项 the " + listed + " most overdue" : "")
                        + "）",
                styles);
        sheet.createRow(1);
        List<String> headers = List.of(
                "隐患编号 Hazard id",
                "县区 District",
                "学校 School",
                "类别 Category",
                "等级 Severity",
                "发现日期 Found",
                "整改期限 Deadline",
                "超期天数 Days overdue",
                "责任人 Responsible");
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        for (HazardItem hazard : data.overdue().items()) {
            Row line = sheet.createRow(r++);
            text(line, 0, hazard.hazardId(), null);
            text(line, 1, data.name(Dimension.DISTRICT, hazard.districtCode()), null);
            text(line, 2, hazard.schoolName(), null);
            text(line, 3, data.name(Dimension.CATEGORY, hazard.category()), null);
            text(line, 4, data.name(Dimension.SEVERITY, hazard.severity()), null);
            date(line, 5, hazard.foundDate(), styles);
            date(line, 6, hazard.deadline(), styles);
            if (hazard.daysOverdue() != null) {
                line.createCell(7).setCellValue(hazard.daysOverdue());
            }
            text(line, 8, hazard.responsiblePerson(), null);
        }
        finish(sheet, headers.size(), r - 1);
    }

    private static void majorOpen(Sheet sheet, ReportData data, Styles styles) {
        title(
                sheet,
                data.title() + " — 尚未整改的重大隐患 Open major hazards（截至 " + data.asOf() + "，共 "
                        + data.majorOpen().total() + " 项）",
                styles);
        sheet.createRow(1);
        List<String> headers = List.of(
                "隐患编号 Hazard id",
                "县区 District",
                "学校 School",
                "类别 Category",
                "发现日期 Found",
                "整改期限 Deadline",
                "超期天数 Days overdue",
                "临时管控措施 Temporary measures",
                "责任人 Responsible");
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        for (HazardItem hazard : data.majorOpen().items()) {
            Row line = sheet.createRow(r++);
            text(line, 0, hazard.hazardId(), null);
            text(line, 1, data.name(Dimension.DISTRICT, hazard.districtCode()), null);
            text(line, 2, hazard.schoolName(), null);
            text(line, 3, data.name(Dimension.CATEGORY, hazard.category()), null);
            date(line, 4, hazard.foundDate(), styles);
            date(line, 5, hazard.deadline(), styles);
            if (hazard.daysOverdue() != null) {
                line.createCell(6).setCellValue(hazard.daysOverdue());
            }
            text(line, 7, hazard.temporaryMeasures(), null);
            text(line, 8, hazard.responsiblePerson(), null);
        }
        finish(sheet, headers.size(), r - 1);
    }

    /** The ledger trust sheet (issue 20): the scope, each district and the weakest schools, findings per rule. */
    static final String TRUST_SHEET = "台账可信度 Ledger trust";

    private static void trust(Sheet sheet, ReportData data, TrustSection section, Styles styles) {
        title(
                sheet,
                data.title() + " — 台账可信度 Ledger trust（得分 = 100 × 无疑点隐患数 ÷ 隐患数 score = 100 × hazards"
                        + " without a finding ÷ hazards）",
                styles);
        sheet.createRow(1);
        var headers = new ArrayList<>(List.of(
                "单位 Unit", "县区 District", "可信度得分 Trust score", "隐患数 Hazards", "有疑点隐患 Flagged hazards", "疑点 Findings"));
        for (TrustAudit.RuleCount rule : section.total().rules()) {
            headers.add(rule.nameZh() + " " + rule.nameEn());
        }
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        var units = new ArrayList<TrustAudit.Score>();
        units.add(section.total());
        units.addAll(section.districts());
        units.addAll(section.weakestSchools());
        for (TrustAudit.Score unit : units) {
            Row line = sheet.createRow(r++);
            String name =
                    switch (unit.level()) {
                        case ALL -> data.area();
                        case DISTRICT -> unit.districtNameZh();
                        case SCHOOL -> unit.schoolName();
                    };
            text(line, 0, name, null);
            text(line, 1, unit.level() == TrustAudit.Level.ALL ? "" : unit.districtNameZh(), null);
            if (unit.score() != null) {
                line.createCell(2).setCellValue(unit.score());
            }
            line.createCell(3).setCellValue(unit.hazards());
            line.createCell(4).setCellValue(unit.flaggedHazards());
            line.createCell(5).setCellValue(unit.findings());
            for (int c = 0; c < unit.rules().size(); c++) {
                line.createCell(6 + c).setCellValue(unit.rules().get(c).findings());
            }
        }
        finish(sheet, headers.size(), r - 1);
    }

    /** The 整改责任清单 annex: one row per hazard, district by district, as the annex groups them. */
    private static void responsibilities(Sheet sheet, ReportData data, Styles styles) {
        ResponsibilityAnnex annex = data.responsibilities();
        title(
                sheet,
                ResponsibilityAnnex.TITLE_ZH + " " + ResponsibilityAnnex.TITLE_EN + "（截至 as of " + annex.asOf() + "，共 "
                        + annex.total() + " 项"
                        + (annex.listed() < annex.total()
                                ? "，列出前 " + annex.listed() + " 项 first " + annex.listed()
                                : "")
                        + "）",
                styles);
        List<String> headers = List.of(
                "县区 District",
                "学校 School",
                "隐患编号 Hazard id",
                "等级 Severity",
                "隐患描述 Description",
                "整改措施 Measures",
                "责任单位 Responsible unit",
                "责任人 Responsible person",
                "整改期限 Deadline",
                "整改状态 Status",
                "督办 Supervised",
                "督办单位 Listed by",
                "超期天数 Days overdue");
        header(sheet, headers, styles);
        int r = HEADER_ROW + 1;
        for (ResponsibilityAnnex.DistrictGroup group : annex.groups()) {
            for (ResponsibilityItem item : group.items()) {
                Row line = sheet.createRow(r++);
                text(line, 0, group.districtName(), null);
                text(line, 1, item.schoolName(), null);
                text(line, 2, item.hazardId(), null);
                text(line, 3, data.name(Dimension.SEVERITY, item.severity()), null);
                text(line, 4, item.description(), null);
                text(line, 5, item.measures(), null);
                text(line, 6, item.responsibleUnit(), null);
                text(line, 7, item.responsiblePerson(), null);
                date(line, 8, item.deadline(), styles);
                text(line, 9, item.statusName(), null);
                text(line, 10, Boolean.TRUE.equals(item.supervised()) ? "是" : "", null);
                text(line, 11, item.supervisedBy(), null);
                if (item.daysOverdue() != null) {
                    line.createCell(12).setCellValue(item.daysOverdue());
                }
            }
        }
        finish(sheet, headers.size(), r - 1);
    }

    // --- layout helpers

    static void title(Sheet sheet, String text, Styles styles) {
        text(sheet.createRow(0), 0, text, styles.title);
    }

    static void header(Sheet sheet, List<String> headers, Styles styles) {
        Row row = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < headers.size(); c++) {
            text(row, c, headers.get(c), styles.header);
        }
    }

    static void finish(Sheet sheet, int columns, int lastRow) {
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW, lastRow), 0, columns - 1));
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (c < 3 ? 18 : 14) * 256);
        }
    }

    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    static void number(Row row, int column, Figure figure, Double value, Styles styles) {
        if (value == null) {
            return; // undefined: an empty cell, never 0
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(
                switch (figure.unit()) {
                    case COUNT -> styles.count;
                    case RATE -> styles.percent;
                    default -> styles.decimal;
                });
        if (figure.unit() == FigureUnit.COUNT) {
            cell.setCellValue(Math.round(value));
        }
    }

    static void date(Row row, int column, LocalDate value, Styles styles) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(styles.date);
        }
    }

    /** The workbook's few cell styles, made once (a workbook holds at most 64,000). */
    static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle count;
        final CellStyle percent;
        final CellStyle decimal;
        final CellStyle date;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            var format = workbook.createDataFormat();
            count = workbook.createCellStyle();
            count.setDataFormat(format.getFormat("0"));
            percent = workbook.createCellStyle();
            percent.setDataFormat(format.getFormat("0.0%"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(format.getFormat("0.0"));
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
        }
    }
}
