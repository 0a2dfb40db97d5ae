package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.campaign.GoalDefinition;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.service.GoalMeasure;
import cn.xiaoan.analytics.service.GoalProgress;
import cn.xiaoan.analytics.service.HazardItem;
import cn.xiaoan.analytics.service.ResponsibilityItem;
import cn.xiaoan.analytics.service.TrendPoint;
import cn.xiaoan.analytics.service.TrustAudit;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;

/**
 * The report as a Word document (A4, official-document margins, 仿宋 body and 黑体 headings with CJK fallbacks, page
 * numbers, a table of contents, native charts). Every number comes from {@link ReportData}; only layout happens here.
 * Tables carry the figure code in a hidden-free first header cell so tests and people can trace a number.
 */
final class DocxReportWriter {
    static final String BODY_FONT = "仿宋";
    static final String HEADING_FONT = "黑体";
    /** Chart and table column order for the by-dimension tables. */
    static final List<Figure> TABLE_FIGURES = List.of(
            Figure.FOUND,
            Figure.MAJOR_FOUND,
            Figure.RECTIFIED,
            Figure.RECTIFICATION_RATE,
            Figure.ON_TIME_RATE,
            Figure.CLOSURE_RATE,
            Figure.OPEN,
            Figure.OVERDUE,
            Figure.MAJOR_OPEN,
            Figure.RISK_INDEX);

    /** The ledger trust section's title, before the appendix (issue 20; written when the report has the section). */
    static final String TRUST_SECTION = "八、台账可信度";

    private static final int EMU_PER_CM = 360_000;
    private static final String[] SECTIONS = {
        "一、总体情况", "二、分类别情况", "三、分县区情况", "四、分学校类型情况", "五、月度趋势", "六、重大隐患与三年行动目标", "七、超期未整改隐患", "附录：尚未整改的重大隐患清单"
    };

    void write(ReportData data, OutputStream out) throws IOException {
        try (var doc = new XWPFDocument()) {
            page(doc);
            titlePage(doc, data);
            contents(doc, data);
            overview(doc, data);
            byDimension(doc, data, 1, data.byCategory(), Dimension.CATEGORY, "类别");
            byDimension(doc, data, 2, data.byDistrict(), Dimension.DISTRICT, "县区");
            heatTable(doc, data);
            byDimension(doc, data, 3, data.bySchoolType(), Dimension.SCHOOL_TYPE, "学校类型");
            trend(doc, data);
            goals(doc, data);
            overdue(doc, data);
            data.trust().ifPresent(section -> trust(doc, data, section));
            appendix(doc, data);
            responsibilityAnnex(doc, data);
            doc.enforceUpdateFields();
            ReportStamp.of(data).writeTo(doc.getProperties());
            doc.write(out);
        }
    }

    private static void page(XWPFDocument doc) {
        CTBody body = doc.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11_906)); // A4 in twentieths of a point
        size.setH(BigInteger.valueOf(16_838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2_098)); // 37 mm, as GB/T 9704 official documents
        margins.setBottom(BigInteger.valueOf(1_984));
        margins.setLeft(BigInteger.valueOf(1_587));
        margins.setRight(BigInteger.valueOf(1_474));
        XWPFFooter footer = new XWPFHeaderFooterPolicy(doc, section).createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph number = footer.createParagraph();
        number.setAlignment(ParagraphAlignment.CENTER);
        run(number, "— ", BODY_FONT, 14, false);
        CTSimpleField page = number.getCTP().addNewFldSimple();
        page.setInstr("PAGE");
        page.addNewR().addNewT().setStringValue("1");
        run(number, " —", BODY_FONT, 14, false);
    }

    private static void titlePage(XWPFDocument doc, ReportData data) {
        for (int i = 0; i < 6; i++) {
            doc.createParagraph();
        }
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        run(title, data.title(), "方正小标宋简体", 22, true);
        XWPFParagraph english = doc.createParagraph();
        english.setAlignment(ParagraphAlignment.CENTER);
        run(
                english,
                data.request().kind() == ReportKind.CAMPAIGN
                        ? data.campaign().campaign().name().en() + " — evaluation report"
                        : data.request().kind().titleEn(),
                BODY_FONT,
                14,
                false);
        for (int i = 0; i < 4; i++) {
            doc.createParagraph();
        }
        line(doc, "编制单位：" + data.area() + "教育局", ParagraphAlignment.CENTER);
        line(
                doc,
                "统计期间：" + Narrative.date(data.period().from()) + "至"
                        + Narrative.date(data.period().to()),
                ParagraphAlignment.CENTER);
        line(doc, "数据截至：" + Narrative.date(data.asOf()), ParagraphAlignment.CENTER);
        line(
                doc,
                "数据版本：模型第 " + data.modelVersion().version() + " 版（批次 " + batches(data) + "）",
                ParagraphAlignment.CENTER);
        line(doc, "生成日期：" + Narrative.date(data.generatedOn()), ParagraphAlignment.CENTER);
        pageBreak(doc);
    }

    private static String batches(ReportData data) {
        List<Long> ids = data.modelVersion().batchIds();
        return ids.isEmpty()
                ? "无"
                : ids.size() <= 6
                        ? ids.toString().replaceAll("[\\[\\]]", "")
                        : ids.get(0) + "–" + ids.get(ids.size() - 1) + "，共 " + ids.size() + " 批";
    }

    /** A table of contents field (Word updates it on open) pre-filled with the section titles for other readers. */
    private static void contents(XWPFDocument doc, ReportData data) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setAlignment(ParagraphAlignment.CENTER);
        run(heading, "目　录", HEADING_FONT, 16, false);
        XWPFParagraph entries = doc.createParagraph();
        CTSimpleField toc = entries.getCTP().addNewFldSimple();
        toc.setInstr("TOC \\o \"1-2\" \\h \\z \\u");
        var titles = new ArrayList<String>();
        for (int i = 0; i < SECTIONS.length; i++) {
            titles.add(section(i, data));
        }
        if (data.trust().isPresent()) {
            titles.add(titles.size() - 1, TRUST_SECTION);
        }
        for (int i = 0; i < titles.size(); i++) {
            var r = toc.addNewR();
            if (i > 0) {
                r.addNewBr();
            }
            r.addNewT().setStringValue(titles.get(i));
        }
        pageBreak(doc);
    }

    private static void overview(XWPFDocument doc, ReportData data) {
        heading(doc, SECTIONS[0], 1);
        Optional<Comparison> against = data.comparisons().stream().findFirst();
        String span =
                switch (data.request().kind()) {
                    case ANNUAL ->
                        data.period().to().getMonthValue() == 12
                                        && data.period().to().getDayOfMonth() == 31
                                ? "全年"
                                : Narrative.date(data.period().from()) + "至"
                                        + Narrative.date(data.period().to()) + "，";
                    case CAMPAIGN ->
                        (data.campaign().primary() ? "三年行动开展以来（" : "专项行动开展以来（")
                                + Narrative.date(data.period().from()) + "至"
                                + Narrative.date(data.period().to()) + "），";
                    case MONTHLY -> "本月";
                };
        body(doc, Narrative.overview(span, data.total(), against));
        body(doc, Narrative.stock(data.asOf(), data.total()));
        body(doc, Narrative.signOff(data.asOf(), data.total()));
        body(doc, Narrative.quality(data.total()));
        var headers = new ArrayList<String>(List.of("指标", "本期"));
        data.comparisons().forEach(c -> {
            headers.add(c.labelZh());
            headers.add("变化");
        });
        var rows = new ArrayList<List<String>>();
        for (Figure figure : ReportDataService.KEY_FIGURES) {
            var row = new ArrayList<String>();
            row.add(figure.nameZh());
            row.add(Values.text(figure, data.total().value(figure)));
            for (Comparison comparison : data.comparisons()) {
                row.add(Values.text(figure, comparison.total().value(figure)));
                row.add(Values.change(figure, comparison.change(figure).change()));
            }
            rows.add(row);
        }
        table(doc, headers, rows);
        data.byYear().ifPresent(years -> {
            body(doc, "分年度情况如下表。");
            tableByDimension(doc, data, years, Dimension.YEAR, "年度");
        });
    }

    private static void byDimension(
            XWPFDocument doc, ReportData data, int section, FigureTable table, Dimension dimension, String label) {
        heading(doc, SECTIONS[section], 1);
        List<FigureRow> rows = new ArrayList<>(table.rows());
        if (dimension == Dimension.DISTRICT) {
            // a ranking: the highest risk first, as leaders read it
            rows.sort(Comparator.comparing((FigureRow row) ->
                            Optional.ofNullable(row.value(Figure.RISK_INDEX)).orElse(-1.0))
                    .reversed());
            body(doc, "各" + label + "按风险指数由高到低排列如下表。");
        } else {
            body(doc, "按" + label + "统计的隐患排查整治情况如下表。");
        }
        tableByDimension(
                doc,
                data,
                new FigureTable(
                        table.by(),
                        table.filters(),
                        table.period(),
                        table.asOf(),
                        table.modelVersion(),
                        table.source(),
                        rows),
                dimension,
                label);
        Figure charted = dimension == Dimension.DISTRICT ? Figure.RECTIFICATION_RATE : Figure.FOUND;
        barChart(
                doc,
                label + charted.nameZh(),
                rows.stream()
                        .map(row -> data.name(dimension, row.keys().get(0)))
                        .toList(),
                rows.stream()
                        .map(row -> Values.chartValue(charted, row.value(charted)))
                        .toList(),
                charted.nameZh());
    }

    private static void tableByDimension(
            XWPFDocument doc, ReportData data, FigureTable table, Dimension dimension, String label) {
        var headers = new ArrayList<String>();
        headers.add(label);
        TABLE_FIGURES.forEach(figure -> headers.add(figure.nameZh()));
        var rows = new ArrayList<List<String>>();
        for (FigureRow row : table.rows()) {
            var cells = new ArrayList<String>();
            cells.add(data.name(dimension, row.keys().get(0)));
            TABLE_FIGURES.forEach(figure -> cells.add(Values.text(figure, row.value(figure))));
            rows.add(cells);
        }
        table(doc, headers, rows);
    }

    /** Open hazards by district × category, a heatmap-like table: darker cells hold more open hazards. */
    private static void heatTable(XWPFDocument doc, ReportData data) {
        body(doc, "各县区分类别未整改隐患数（颜色越深数量越多）：");
        FigureTable table = data.byDistrictAndCategory();
        List<String> districts =
                table.rows().stream().map(row -> row.keys().get(0)).distinct().toList();
        List<String> categories =
                table.rows().stream().map(row -> row.keys().get(1)).distinct().toList();
        double max = table.rows().stream()
                .map(row -> row.value(Figure.OPEN))
                .filter(value -> value != null)
                .max(Double::compare)
                .orElse(0.0);
        var headers = new ArrayList<String>();
        headers.add("县区");
        categories.forEach(category -> headers.add(data.name(Dimension.CATEGORY, category)));
        XWPFTable grid = table(doc, headers, List.of());
        for (String district : districts) {
            XWPFTableRow row = grid.createRow();
            cell(row.getCell(0), data.name(Dimension.DISTRICT, district), false);
            for (int c = 0; c < categories.size(); c++) {
                Double open = table.row(district, categories.get(c)).value(Figure.OPEN);
                XWPFTableCell cell = row.getCell(c + 1);
                cell(cell, Values.text(Figure.OPEN, open), false);
                cell.setColor(shade(open == null ? 0 : open, max));
            }
        }
    }

    /** A single-hue scale (white to dark red) that also reads in greyscale. */
    private static String shade(double value, double max) {
        double share = max <= 0 ? 0 : value / max;
        int green = (int) Math.round(255 - share * 170);
        int blue = (int) Math.round(255 - share * 175);
        return String.format("FF%02X%02X", green, blue);
    }

    private static void trend(XWPFDocument doc, ReportData data) {
        heading(doc, SECTIONS[4], 1);
        List<TrendPoint> points = data.trend().points();
        body(doc, "各月新发现隐患数与月末未整改隐患数如下图。");
        List<String> months = points.stream().map(TrendPoint::code).toList();
        lineChart(
                doc,
                "月度隐患趋势",
                months,
                List.of(
                        new Series(
                                Figure.FOUND.nameZh(),
                                points.stream()
                                        .map(point -> Values.chartValue(
                                                Figure.FOUND,
                                                point.rows().get(0).value(Figure.FOUND)))
                                        .toList()),
                        new Series(
                                "月末" + Figure.OPEN.nameZh(),
                                points.stream()
                                        .map(point -> Values.chartValue(
                                                Figure.OPEN, point.rows().get(0).value(Figure.OPEN)))
                                        .toList())));
        var rows = new ArrayList<List<String>>();
        for (TrendPoint point : points) {
            FigureRow row = point.rows().get(0);
            rows.add(List.of(
                    point.code(),
                    Values.text(Figure.FOUND, row.value(Figure.FOUND)),
                    Values.text(Figure.RECTIFIED, row.value(Figure.RECTIFIED)),
                    Values.text(Figure.OPEN, row.value(Figure.OPEN)),
                    Values.text(Figure.OVERDUE, row.value(Figure.OVERDUE))));
        }
        table(
                doc,
                List.of(
                        "月份",
                        Figure.FOUND.nameZh(),
                        Figure.RECTIFIED.nameZh(),
                        "月末" + Figure.OPEN.nameZh(),
                        "月末" + Figure.OVERDUE.nameZh()),
                rows);
    }

    /** A section's title; the goals section of a campaign other than the primary one says 专项行动. */
    private static String section(int i, ReportData data) {
        return i == 5 && !data.campaign().primary() ? "六、重大隐患与专项行动目标" : SECTIONS[i];
    }

    private static void goals(XWPFDocument doc, ReportData data) {
        heading(doc, section(5, data), 1);
        if (data.request().kind() != ReportKind.CAMPAIGN) {
            DocxCampaignSections.running(doc, data);
        }
        body(
                doc,
                (data.campaign().primary()
                                ? "按照治本攻坚三年行动方案，各县区三项目标完成情况如下（截至"
                                : "按照" + data.campaign().campaign().name().zh() + "，各县区目标完成情况如下（截至")
                        + Narrative.date(data.goals().asOf()) + "）。");
        var rows = new ArrayList<List<String>>();
        for (GoalProgress progress : data.goals().progress()) {
            var numbers = new StringBuilder();
            for (GoalMeasure measure : progress.measures()) {
                if (numbers.length() > 0) {
                    numbers.append("；");
                }
                numbers.append(measure.nameZh()).append(" ").append(Values.text(measure.figure(), measure.value()));
            }
            rows.add(List.of(
                    data.name(Dimension.DISTRICT, progress.districtCode()),
                    progress.goal().name().zh(),
                    Narrative.date(progress.goal().judgedOn()),
                    progress.status().nameZh(),
                    numbers.toString()));
        }
        table(doc, List.of("县区", "目标", "时限", "完成情况", "依据"), rows);
        long unmet = data.goals().progress().stream()
                .filter(p ->
                        p.status().name().equals("NOT_MET") || p.status().name().equals("AT_RISK"))
                .count();
        body(doc, unmet == 0 ? "各项目标均已完成或进展正常。" : "共有 " + unmet + " 项目标未完成或存在风险，须对照上表逐项整改落实。");
        for (GoalDefinition goal : data.goals().campaign().goals()) {
            body(doc, goal.name().zh() + "：" + goal.definition());
        }
        if (data.request().kind() == ReportKind.CAMPAIGN) {
            DocxCampaignSections.write(doc, data);
        }
    }

    private static void overdue(XWPFDocument doc, ReportData data) {
        heading(doc, SECTIONS[6], 1);
        List<HazardItem> overdue = data.overdue().items();
        long total = data.overdue().total();
        if (total == 0) {
            body(doc, "截至" + Narrative.date(data.asOf()) + "，无超期未整改隐患。");
            return;
        }
        int listed = Math.min(overdue.size(), ReportDataService.OVERDUE_IN_DOCUMENT);
        body(
                doc,
                "截至" + Narrative.date(data.asOf()) + "，超期未整改隐患共 " + total + " 项"
                        + (total > listed ? "，下表列出超期时间最长的 " + listed + " 项。" : "，列表如下。"));
        var rows = new ArrayList<List<String>>();
        for (HazardItem hazard : overdue.subList(0, listed)) {
            rows.add(List.of(
                    data.name(Dimension.DISTRICT, hazard.districtCode()),
                    hazard.schoolName() == null ? hazard.schoolCode() : hazard.schoolName(),
                    data.name(Dimension.CATEGORY, hazard.category()),
                    data.name(Dimension.SEVERITY, hazard.severity()),
                    String.valueOf(hazard.deadline()),
                    String.valueOf(hazard.daysOverdue()),
                    hazard.responsiblePerson() == null ? "" : hazard.responsiblePerson()));
        }
        table(doc, List.of("县区", "学校", "类别", "等级", "整改期限", "超期天数", "责任人"), rows);
    }

    /** 台账可信度: the scope's score and rule counts, then districts and the weakest schools (docs/FIGURES.md). */
    private static void trust(XWPFDocument doc, ReportData data, TrustSection section) {
        heading(doc, TRUST_SECTION, 1);
        TrustAudit.Score total = section.total();
        var found = new ArrayList<String>();
        for (TrustAudit.RuleCount rule : total.rules()) {
            if (rule.findings() > 0) {
                found.add(rule.nameZh() + " " + rule.findings() + " 条");
            }
        }
        body(
                doc,
                "根据各校历次上报的台账快照核查台账可信度：" + total.hazards() + " 项隐患中 " + total.flaggedHazards()
                        + " 项存在疑点，可信度得分 " + TrustSection.score(total) + "（100 × 无疑点隐患数 ÷ 隐患数）"
                        + (found.isEmpty() ? "，未发现疑点。" : "。疑点：" + String.join("，", found) + "。"));
        var districts = new ArrayList<List<String>>();
        for (TrustAudit.Score district : section.districts()) {
            districts.add(List.of(
                    district.districtNameZh() == null ? district.districtCode() : district.districtNameZh(),
                    TrustSection.score(district),
                    String.valueOf(district.hazards()),
                    String.valueOf(district.flaggedHazards()),
                    String.valueOf(district.findings())));
        }
        table(doc, List.of("县区", "可信度得分", "隐患数", "有疑点隐患", "疑点"), districts);
        if (section.weakestSchools().isEmpty()) {
            return;
        }
        body(doc, "可信度得分最低的学校（有疑点者，前 " + section.weakestSchools().size() + " 所）：");
        var schools = new ArrayList<List<String>>();
        for (TrustAudit.Score school : section.weakestSchools()) {
            var rules = new ArrayList<String>();
            for (TrustAudit.RuleCount rule : school.rules()) {
                if (rule.findings() > 0) {
                    rules.add(rule.nameZh() + " " + rule.findings());
                }
            }
            schools.add(List.of(
                    school.schoolName() == null ? "" : school.schoolName(),
                    school.districtNameZh() == null ? "" : school.districtNameZh(),
                    TrustSection.score(school),
                    String.valueOf(school.hazards()),
                    String.join("，", rules)));
        }
        table(doc, List.of("学校", "县区", "可信度得分", "隐患数", "疑点"), schools);
    }

    private static void appendix(XWPFDocument doc, ReportData data) {
        pageBreak(doc);
        heading(doc, SECTIONS[7], 1);
        List<HazardItem> major = data.majorOpen().items();
        if (major.isEmpty()) {
            body(doc, "截至" + Narrative.date(data.asOf()) + "，无尚未整改的重大事故隐患。");
            return;
        }
        body(
                doc,
                "截至" + Narrative.date(data.asOf()) + "，尚未整改的重大事故隐患共 "
                        + data.majorOpen().total() + " 项"
                        + (major.size() < data.majorOpen().total() ? "，下表列出前 " + major.size() + " 项。" : "。"));
        var rows = new ArrayList<List<String>>();
        for (HazardItem hazard : major) {
            rows.add(List.of(
                    hazard.hazardId(),
                    data.name(Dimension.DISTRICT, hazard.districtCode()),
                    hazard.schoolName(),
                    data.name(Dimension.CATEGORY, hazard.category()),
                    String.valueOf(hazard.foundDate()),
                    hazard.deadline() == null ? "" : hazard.deadline().toString(),
                    hazard.temporaryMeasures() == null
                                    || hazard.temporaryMeasures().isBlank()
                            ? "未落实"
                            : hazard.temporaryMeasures()));
        }
        table(doc, List.of("隐患编号", "县区", "学校", "类别", "发现日期", "整改期限", "临时管控措施"), rows);
    }

    /** 附件：整改责任清单, one table per district (the annex's groups), after the appendix. */
    private static void responsibilityAnnex(XWPFDocument doc, ReportData data) {
        ResponsibilityAnnex annex = data.responsibilities();
        pageBreak(doc);
        heading(doc, ResponsibilityAnnex.TITLE_ZH, 1);
        if (annex.total() == 0) {
            body(doc, "截至" + Narrative.date(annex.asOf()) + "，无尚未整改的隐患。");
            return;
        }
        body(
                doc,
                "截至" + Narrative.date(annex.asOf()) + "，尚未整改的隐患共 " + annex.total() + " 项，逐项明确整改措施、责任单位、责任人和整改时限"
                        + (annex.listed() < annex.total()
                                ? "；下表列出前 " + annex.listed() + " 项（重大隐患在前），完整清单请导出整改责任清单。"
                                : "。")
                        + "未填写责任单位或整改期限的，标注“未明确”。");
        for (ResponsibilityAnnex.DistrictGroup group : annex.groups()) {
            heading(
                    doc,
                    (group.districtName() == null ? group.districtCode() : group.districtName()) + "（"
                            + group.items().size() + " 项"
                            + (group.supervised() > 0 ? "，其中挂牌督办 " + group.supervised() + " 项" : "") + "）",
                    2);
            var rows = new ArrayList<List<String>>();
            for (ResponsibilityItem item : group.items()) {
                rows.add(List.of(
                        item.schoolName(),
                        data.name(Dimension.SEVERITY, item.severity()) + "：" + item.description(),
                        item.measures() == null ? "" : item.measures(),
                        item.responsibleUnit() == null ? "未明确" : item.responsibleUnit(),
                        item.responsiblePerson() == null ? "" : item.responsiblePerson(),
                        item.deadline() == null ? "未明确" : item.deadline().toString(),
                        item.statusName(),
                        Boolean.TRUE.equals(item.supervised())
                                ? (item.supervisedBy() == null ? "是" : item.supervisedBy())
                                : ""));
            }
            table(doc, List.of("学校", "隐患", "整改措施", "责任单位", "责任人", "整改期限", "整改状态", "督办"), rows);
        }
    }

    // --- layout helpers

    static void heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setStyle("Heading" + level);
        paragraph.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        paragraph.setSpacingBefore(240);
        paragraph.setSpacingAfter(120);
        run(paragraph, text, HEADING_FONT, 16, false);
    }

    static void body(XWPFDocument doc, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setIndentationFirstLine(640); // two characters of 16 pt
        paragraph.setSpacingBetween(1.5);
        run(paragraph, text, BODY_FONT, 16, false);
    }

    private static void line(XWPFDocument doc, String text, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(alignment);
        run(paragraph, text, BODY_FONT, 16, false);
    }

    private static void pageBreak(XWPFDocument doc) {
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    static XWPFRun run(XWPFParagraph paragraph, String text, String font, int points, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily("Noto Serif CJK SC"); // the fallback where 仿宋/黑体 are not installed
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(points);
        run.setBold(bold);
        return run;
    }

    static XWPFTable table(XWPFDocument doc, List<String> headers, List<List<String>> rows) {
        XWPFTable table = doc.createTable(1, headers.size());
        table.setWidth("100%");
        table.setWidthType(TableWidthType.PCT);
        XWPFTableRow header = table.getRow(0);
        header.setRepeatHeader(true);
        for (int c = 0; c < headers.size(); c++) {
            cell(header.getCell(c), headers.get(c), true);
            header.getCell(c).setColor("D9D9D9");
        }
        for (List<String> values : rows) {
            XWPFTableRow row = table.createRow();
            for (int c = 0; c < values.size(); c++) {
                cell(row.getCell(c), values.get(c), false);
            }
        }
        doc.createParagraph();
        return table;
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text == null ? "" : text, BODY_FONT, 10, bold);
    }

    record Series(String title, List<Double> values) {}

    private static void barChart(
            XWPFDocument doc, String title, List<String> categories, List<Double> values, String seriesTitle) {
        try {
            XWPFChart chart = doc.createChart(16 * EMU_PER_CM, 8 * EMU_PER_CM);
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
            left.setCrosses(AxisCrosses.AUTO_ZERO);
            var data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, bottom, left);
            data.setBarDirection(BarDirection.COL);
            data.setVaryColors(false);
            String[] names = categories.toArray(String[]::new);
            XDDFChartData.Series series = data.addSeries(
                    XDDFDataSourcesFactory.fromArray(
                            names, chart.formatRange(new CellRangeAddress(1, names.length, 0, 0)), 0),
                    XDDFDataSourcesFactory.fromArray(
                            values.toArray(Double[]::new),
                            chart.formatRange(new CellRangeAddress(1, names.length, 1, 1)),
                            1));
            series.setTitle(seriesTitle, chart.setSheetTitle(seriesTitle, 1));
            // LibreOffice draws POI's default bars invisible: give each series a solid fill (docs/OPERATIONS.md)
            var shape = new XDDFShapeProperties();
            shape.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PresetColor.STEEL_BLUE)));
            series.setShapeProperties(shape);
            chart.plot(data);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IOException e) {
            throw new IllegalStateException("Cannot draw the chart " + title + ": " + e.getMessage(), e);
        }
    }

    private static void lineChart(XWPFDocument doc, String title, List<String> categories, List<Series> lines) {
        try {
            XWPFChart chart = doc.createChart(16 * EMU_PER_CM, 8 * EMU_PER_CM);
            chart.setTitleText(title);
            chart.setTitleOverlay(false);
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
            XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
            left.setCrosses(AxisCrosses.AUTO_ZERO);
            var data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
            String[] names = categories.toArray(String[]::new);
            var source = XDDFDataSourcesFactory.fromArray(
                    names, chart.formatRange(new CellRangeAddress(1, Math.max(1, names.length), 0, 0)), 0);
            PresetColor[] colours = {PresetColor.STEEL_BLUE, PresetColor.DARK_RED};
            for (int i = 0; i < lines.size(); i++) {
                Series line = lines.get(i);
                var series = (XDDFLineChartData.Series) data.addSeries(
                        source,
                        XDDFDataSourcesFactory.fromArray(
                                line.values().toArray(Double[]::new),
                                chart.formatRange(new CellRangeAddress(1, Math.max(1, names.length), i + 1, i + 1)),
                                i + 1));
                series.setTitle(line.title(), chart.setSheetTitle(line.title(), i + 1));
                series.setMarkerStyle(MarkerStyle.NONE);
                series.setSmooth(false);
                // LibreOffice draws POI's default lines as markers only: a visible stroke (docs/OPERATIONS.md)
                var stroke = new XDDFLineProperties();
                stroke.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(colours[i % colours.length])));
                stroke.setWidth(2.25);
                var shape = new XDDFShapeProperties();
                shape.setLineProperties(stroke);
                series.setShapeProperties(shape);
            }
            chart.plot(data);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IOException e) {
            throw new IllegalStateException("Cannot draw the chart " + title + ": " + e.getMessage(), e);
        }
    }
}
