package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.Phase;
import cn.xiaoan.analytics.campaign.ReturnPeriod;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FigureUnit;
import cn.xiaoan.analytics.service.CampaignOutlook;
import cn.xiaoan.analytics.service.DeadlineRisk;
import cn.xiaoan.analytics.service.GoalOutlook;
import cn.xiaoan.analytics.service.GroupRound;
import cn.xiaoan.analytics.service.GroupSchool;
import cn.xiaoan.analytics.service.MeasureOutlook;
import cn.xiaoan.analytics.service.OutlookStratum;
import cn.xiaoan.analytics.service.ReturnCell;
import cn.xiaoan.analytics.service.ReturnSchedule;
import cn.xiaoan.analytics.service.ReturnStatus;
import cn.xiaoan.analytics.service.ReturnsReport;
import cn.xiaoan.analytics.service.StockFlowRow;
import cn.xiaoan.analytics.service.StockFlowStatement;
import cn.xiaoan.analytics.service.SupervisionReport;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The campaign sheets of a campaign report's workbook: phases, the stock-flow statement, the goal outlook (预测), the
 * supervision groups (one row per group, round and school) and the returns (one row per return, period and school). A
 * further campaign sheet is one more method here and one call in {@link #write}.
 */
final class XlsxCampaignSections {
    private XlsxCampaignSections() {}

    static void write(Workbook workbook, ReportData data, XlsxReportWriter.Styles styles) {
        phases(workbook.createSheet("行动阶段 Phases"), data, styles);
        data.campaign()
                .stockFlow()
                .ifPresent(statement -> stockFlow(workbook.createSheet("存量流量 Stock-flow"), data, statement, styles));
        data.campaign().outlook().ifPresent(outlook -> {
            outlook(workbook.createSheet("目标预测 Outlook (projection)"), data, outlook, styles);
            risks(workbook.createSheet("超期风险 Deadline risks"), data, outlook, styles);
        });
        data.campaign()
                .groups()
                .ifPresent(groups -> groups(workbook.createSheet("督查组 Supervision groups"), data, groups, styles));
        data.campaign()
                .returns()
                .ifPresent(returns -> returns(workbook.createSheet("报送情况 Returns"), data, returns, styles));
    }

    private static void groups(Sheet sheet, ReportData data, SupervisionReport report, XlsxReportWriter.Styles styles) {
        XlsxReportWriter.title(
                sheet,
                data.campaign().campaign().name().zh() + " — 督查组 Supervision groups（截至 as of " + report.asOf() + "）",
                styles);
        sheet.createRow(1);
        List<String> headers = List.of(
                "督查组 Group",
                "轮次 Round",
                "起 From",
                "止 To",
                "学校 School",
                "县区 District",
                "首次督查 First visit",
                "督查天数 Visit days",
                "发现隐患 Hazards found",
                "其中重大 Major");
        XlsxReportWriter.header(sheet, headers, styles);
        int r = XlsxReportWriter.HEADER_ROW + 1;
        for (GroupRound round : report.rounds()) {
            for (GroupSchool school : round.schools()) {
                Row row = sheet.createRow(r++);
                XlsxReportWriter.text(row, 0, round.group().name().zh(), null);
                XlsxReportWriter.text(row, 1, round.revisit() ? "回头看 Revisit" : "督查 Visit", null);
                XlsxReportWriter.date(row, 2, round.window().from(), styles);
                XlsxReportWriter.date(row, 3, round.window().to(), styles);
                XlsxReportWriter.text(row, 4, school.schoolName(), null);
                XlsxReportWriter.text(row, 5, data.name(Dimension.DISTRICT, school.districtCode()), null);
                XlsxReportWriter.date(row, 6, school.firstVisit(), styles);
                count(row, 7, school.visitDays(), styles);
                count(row, 8, school.hazardsFound(), styles);
                count(row, 9, school.majorFound(), styles);
            }
        }
        XlsxReportWriter.finish(sheet, headers.size(), r - 1);
    }

    private static void returns(Sheet sheet, ReportData data, ReturnsReport report, XlsxReportWriter.Styles styles) {
        XlsxReportWriter.title(
                sheet,
                data.campaign().campaign().name().zh() + " — 报送情况 Returns（截至 as of " + report.asOf() + "，未到期的期次不列"
                        + " periods not yet due left out）",
                styles);
        sheet.createRow(1);
        List<String> headers = List.of(
                "报送事项 Return",
                "期次 Period",
                "截止 Due",
                "学校 School",
                "县区 District",
                "状态 Status",
                "报送日期 Returned on",
                "行数 Rows");
        XlsxReportWriter.header(sheet, headers, styles);
        int r = XlsxReportWriter.HEADER_ROW + 1;
        for (ReturnSchedule schedule : report.schedules()) {
            for (ReturnCell cell : schedule.cells()) {
                if (cell.status() == ReturnStatus.NOT_DUE) {
                    continue;
                }
                ReturnPeriod period = schedule.periods().get(cell.period() - 1); // numbered from 1
                Row row = sheet.createRow(r++);
                XlsxReportWriter.text(row, 0, schedule.rule().name().zh(), null);
                XlsxReportWriter.text(row, 1, period.label(), null);
                XlsxReportWriter.date(row, 2, period.due(), styles);
                XlsxReportWriter.text(row, 3, cell.schoolName(), null);
                XlsxReportWriter.text(row, 4, data.name(Dimension.DISTRICT, cell.districtCode()), null);
                XlsxReportWriter.text(
                        row, 5, cell.status().nameZh() + " " + cell.status().nameEn(), null);
                XlsxReportWriter.date(row, 6, cell.returnedOn(), styles);
                if (cell.rows() != null) {
                    count(row, 7, cell.rows(), styles);
                }
            }
        }
        XlsxReportWriter.finish(sheet, headers.size(), r - 1);
    }

    private static void phases(Sheet sheet, ReportData data, XlsxReportWriter.Styles styles) {
        CampaignDefinition campaign = data.campaign().campaign();
        XlsxReportWriter.title(
                sheet,
                campaign.name().zh() + " — 行动阶段 Phases（" + campaign.bureau().zh()
                        + campaign.document().map(d -> " " + d).orElse("") + "）",
                styles);
        sheet.createRow(1);
        List<String> headers = List.of("阶段 Phase", "Phase", "起 From", "止 To");
        XlsxReportWriter.header(sheet, headers, styles);
        int r = XlsxReportWriter.HEADER_ROW + 1;
        for (Phase phase : campaign.phases()) {
            Row row = sheet.createRow(r++);
            XlsxReportWriter.text(row, 0, phase.name().zh(), null);
            XlsxReportWriter.text(row, 1, phase.name().en(), null);
            XlsxReportWriter.date(row, 2, phase.dates().from(), styles);
            XlsxReportWriter.date(row, 3, phase.dates().to(), styles);
        }
        XlsxReportWriter.finish(sheet, headers.size(), r - 1);
    }

    private static void stockFlow(
            Sheet sheet, ReportData data, StockFlowStatement statement, XlsxReportWriter.Styles styles) {
        XlsxReportWriter.title(
                sheet,
                data.title() + " — 存量流量 Stock and flow"
                        + statement
                                .period()
                                .map(p -> "（" + p.from() + " – " + p.to() + "）")
                                .orElse("（尚未开始 not begun）"),
                styles);
        sheet.createRow(1);
        List<String> headers = List.of(
                "等级 Severity",
                "县区 District",
                "类别 Category",
                "期初存量 Opening",
                "本期新增 New",
                "本期整改 Resolved",
                "期末存量 Closing");
        XlsxReportWriter.header(sheet, headers, styles);
        int r = XlsxReportWriter.HEADER_ROW + 1;
        for (StockFlowRow row : statement.totals()) {
            line(sheet.createRow(r++), data, row, styles);
        }
        for (StockFlowRow row : statement.rows()) {
            line(sheet.createRow(r++), data, row, styles);
        }
        XlsxReportWriter.finish(sheet, headers.size(), r - 1);
    }

    private static void line(Row line, ReportData data, StockFlowRow row, XlsxReportWriter.Styles styles) {
        XlsxReportWriter.text(line, 0, data.name(Dimension.SEVERITY, row.severity()), null);
        XlsxReportWriter.text(
                line,
                1,
                row.districtCode() == null ? "合计 Total" : data.name(Dimension.DISTRICT, row.districtCode()),
                null);
        XlsxReportWriter.text(
                line, 2, row.category() == null ? "" : data.name(Dimension.CATEGORY, row.category()), null);
        count(line, 3, row.opening(), styles);
        count(line, 4, row.found(), styles);
        count(line, 5, row.resolved(), styles);
        count(line, 6, row.closing(), styles);
    }

    private static void count(Row row, int column, long value, XlsxReportWriter.Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.count);
    }

    private static void outlook(Sheet sheet, ReportData data, CampaignOutlook outlook, XlsxReportWriter.Styles styles) {
        XlsxReportWriter.title(
                sheet,
                data.title() + " — 目标预测（预测值）Goal outlook, a projection: Kaplan–Meier from " + outlook.historyFrom()
                        + ", " + outlook.runs() + " runs, seed " + outlook.seed() + ", 90% interval",
                styles);
        sheet.createRow(1);
        List<String> headers = List.of(
                "目标 Goal",
                "指标 Measure",
                "判定日 Judged on",
                "预测值 Projected",
                "区间下限 Low",
                "区间上限 High",
                "达标概率 Chance met",
                "说明 Note");
        XlsxReportWriter.header(sheet, headers, styles);
        int r = XlsxReportWriter.HEADER_ROW + 1;
        for (GoalOutlook goal : outlook.goals()) {
            if (goal.judged()) {
                Row row = sheet.createRow(r++);
                XlsxReportWriter.text(row, 0, goal.nameZh(), null);
                XlsxReportWriter.date(row, 2, goal.judgedOn(), styles);
                XlsxReportWriter.text(row, 7, "已判定 judged", null);
                continue;
            }
            for (MeasureOutlook m : goal.measures()) {
                Row row = sheet.createRow(r++);
                XlsxReportWriter.text(row, 0, goal.nameZh(), null);
                XlsxReportWriter.text(row, 1, m.nameZh(), null);
                XlsxReportWriter.date(row, 2, m.at(), styles);
                if (m.projected()) {
                    boolean rate = m.figure().unit() == FigureUnit.RATE;
                    decimal(row, 3, m.expected(), rate, styles);
                    decimal(row, 4, m.low(), rate, styles);
                    decimal(row, 5, m.high(), rate, styles);
                    if (m.chanceMet() != null) {
                        decimal(row, 6, m.chanceMet(), true, styles);
                    }
                } else {
                    XlsxReportWriter.text(row, 7, m.reasonZh() + " / " + m.reasonEn(), null);
                }
            }
        }
        r++;
        Row strataHeader = sheet.createRow(r++);
        List<String> strataHeaders = List.of(
                "等级 Severity", "类别 Category", "隐患数 Hazards", "已整改 Rectified", "整改用时中位数 Median days", "所用曲线 Curve");
        for (int c = 0; c < strataHeaders.size(); c++) {
            XlsxReportWriter.text(strataHeader, c, strataHeaders.get(c), styles.header);
        }
        for (OutlookStratum s : outlook.strata()) {
            Row row = sheet.createRow(r++);
            XlsxReportWriter.text(row, 0, data.name(Dimension.SEVERITY, s.severity()), null);
            XlsxReportWriter.text(row, 1, data.name(Dimension.CATEGORY, s.category()), null);
            count(row, 2, s.hazards(), styles);
            count(row, 3, s.rectified(), styles);
            if (s.medianDays() != null) {
                count(row, 4, s.medianDays(), styles);
            }
            XlsxReportWriter.text(row, 5, s.curve().nameZh() + " " + s.curve().nameEn(), null);
        }
        XlsxReportWriter.finish(sheet, headers.size(), r - 1);
    }

    private static void risks(Sheet sheet, ReportData data, CampaignOutlook outlook, XlsxReportWriter.Styles styles) {
        XlsxReportWriter.title(
                sheet, data.title() + " — 最可能超期的隐患（预测）Most likely to miss the deadline (projection)", styles);
        sheet.createRow(1);
        List<String> headers = List.of(
                "县区 District",
                "学校 School",
                "隐患编号 Hazard",
                "等级 Severity",
                "类别 Category",
                "发现日期 Found",
                "整改期限 Deadline",
                "超期概率 Miss probability");
        XlsxReportWriter.header(sheet, headers, styles);
        int r = XlsxReportWriter.HEADER_ROW + 1;
        for (DeadlineRisk risk : outlook.deadlineRisks()) {
            Row row = sheet.createRow(r++);
            XlsxReportWriter.text(row, 0, data.name(Dimension.DISTRICT, risk.districtCode()), null);
            XlsxReportWriter.text(row, 1, risk.schoolName(), null);
            XlsxReportWriter.text(row, 2, risk.hazardId(), null);
            XlsxReportWriter.text(row, 3, data.name(Dimension.SEVERITY, risk.severity()), null);
            XlsxReportWriter.text(row, 4, data.name(Dimension.CATEGORY, risk.category()), null);
            XlsxReportWriter.date(row, 5, risk.foundDate(), styles);
            XlsxReportWriter.date(row, 6, risk.deadline(), styles);
            decimal(row, 7, risk.missProbability(), true, styles);
        }
        XlsxReportWriter.finish(sheet, headers.size(), r - 1);
    }

    private static void decimal(Row row, int column, double value, boolean rate, XlsxReportWriter.Styles styles) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(rate ? styles.percent : styles.decimal);
    }
}
