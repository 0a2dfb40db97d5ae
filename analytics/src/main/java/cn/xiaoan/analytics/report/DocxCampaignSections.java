package cn.xiaoan.analytics.report;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.Phase;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FigureUnit;
import cn.xiaoan.analytics.service.CampaignOutlook;
import cn.xiaoan.analytics.service.DeadlineRisk;
import cn.xiaoan.analytics.service.GoalOutlook;
import cn.xiaoan.analytics.service.GroupRound;
import cn.xiaoan.analytics.service.GroupSchool;
import cn.xiaoan.analytics.service.MeasureOutlook;
import cn.xiaoan.analytics.service.ReturnSchedule;
import cn.xiaoan.analytics.service.ReturnStatus;
import cn.xiaoan.analytics.service.ReturnsReport;
import cn.xiaoan.analytics.service.StockFlowRow;
import cn.xiaoan.analytics.service.StockFlowStatement;
import cn.xiaoan.analytics.service.SupervisionReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The campaign sections of a campaign report's document, under its goals section: the phases, the stock-flow
 * statement, the goal outlook (预测), the supervision groups and the returns, each a sub-heading; and the sentence of an annual summary naming the campaigns
 * running in its year. A further campaign section is one more method here and one call in {@link #write}.
 */
final class DocxCampaignSections {
    private DocxCampaignSections() {}

    static void write(XWPFDocument doc, ReportData data) {
        phases(doc, data);
        data.campaign().stockFlow().ifPresent(statement -> stockFlow(doc, data, statement));
        data.campaign().outlook().ifPresent(outlook -> outlook(doc, data, outlook));
        data.campaign().groups().ifPresent(groups -> groups(doc, data, groups));
        data.campaign().returns().ifPresent(returns -> returns(doc, data, returns));
    }

    private static void groups(XWPFDocument doc, ReportData data, SupervisionReport report) {
        DocxReportWriter.heading(doc, "（四）督查组督查情况", 2);
        if (report.rounds().isEmpty()) {
            DocxReportWriter.body(doc, "本专项行动未设督查组。");
            return;
        }
        DocxReportWriter.body(
                doc,
                "各督查组在督查时段内实际督查的学校与分配学校之比为覆盖率；回头看轮次统计此前已督查学校中再次督查的学校数" + "（截至" + Narrative.date(report.asOf()) + "）。");
        var rows = new ArrayList<List<String>>();
        for (GroupRound round : report.rounds()) {
            rows.add(List.of(
                    round.group().name().zh(),
                    round.revisit() ? "回头看" : "督查",
                    Narrative.date(round.window().from()) + "—"
                            + Narrative.date(round.window().to()),
                    Long.toString(round.revisit() ? round.visitedBefore() : round.assigned()),
                    Long.toString(round.revisit() ? round.revisited() : round.visited()),
                    round.revisit() ? "" : Narrative.percent(round.coverage()),
                    Long.toString(round.hazardsFound()),
                    round.neverVisited().isEmpty()
                            ? "无"
                            : round.neverVisited().stream()
                                    .map(GroupSchool::schoolName)
                                    .collect(Collectors.joining("、"))));
        }
        DocxReportWriter.table(doc, List.of("督查组", "轮次", "时段", "应查学校", "已查学校", "覆盖率", "发现隐患", "未督查学校"), rows);
    }

    private static void returns(XWPFDocument doc, ReportData data, ReturnsReport report) {
        DocxReportWriter.heading(doc, "（五）报送情况", 2);
        if (report.schedules().isEmpty()) {
            DocxReportWriter.body(
                    doc,
                    report.untracked().isEmpty()
                            ? "本专项行动未规定数据报送。"
                            : "本专项行动规定的报送均为书面材料（"
                                    + report.untracked().stream()
                                            .map(rule -> rule.name().zh())
                                            .collect(Collectors.joining("、"))
                                    + "），不在数据仓库中统计。");
            return;
        }
        DocxReportWriter.body(doc, "按报送频次逐校逐期统计（截至" + Narrative.date(report.asOf()) + "；零报告计为按时报送的一种，未到期的期次不计）：");
        var rows = new ArrayList<List<String>>();
        for (ReturnSchedule schedule : report.schedules()) {
            var line = new ArrayList<String>();
            line.add(schedule.rule().name().zh());
            line.add(Integer.toString(schedule.periods().size()));
            for (ReturnStatus status :
                    List.of(ReturnStatus.ON_TIME, ReturnStatus.NIL, ReturnStatus.LATE, ReturnStatus.MISSING)) {
                line.add(Integer.toString(schedule.withStatus(status).size()));
            }
            rows.add(line);
        }
        DocxReportWriter.table(doc, List.of("报送事项", "期次", "按时报送", "零报告", "逾期报送", "未报送"), rows);
    }

    /** 本年度开展的专项行动：… (annual summaries and monthly briefs). */
    static void running(XWPFDocument doc, ReportData data) {
        List<CampaignDefinition> running = data.campaign().running();
        if (running.isEmpty()) {
            return;
        }
        DocxReportWriter.body(
                doc,
                "本期开展的专项行动："
                        + running.stream()
                                .map(c -> c.name().zh() + "（" + c.bureau().zh() + "，"
                                        + Narrative.date(c.period().from()) + "至"
                                        + Narrative.date(c.period().to()) + "）")
                                .collect(Collectors.joining("；"))
                        + "。");
    }

    private static void phases(XWPFDocument doc, ReportData data) {
        CampaignDefinition campaign = data.campaign().campaign();
        DocxReportWriter.heading(doc, "（一）行动阶段", 2);
        DocxReportWriter.body(
                doc,
                campaign.bureau().zh()
                        + campaign.document().map(d -> "《" + d + "》").orElse("") + "部署的"
                        + campaign.name().zh() + "自"
                        + Narrative.date(campaign.period().from()) + "至"
                        + Narrative.date(campaign.period().to()) + "，分 "
                        + campaign.phases().size() + " 个阶段：");
        var rows = new ArrayList<List<String>>();
        for (Phase phase : campaign.phases()) {
            rows.add(List.of(
                    phase.name().zh(),
                    Narrative.date(phase.dates().from()),
                    Narrative.date(phase.dates().to()),
                    state(phase, data.asOf())));
        }
        DocxReportWriter.table(doc, List.of("阶段", "起", "止", "截至" + Narrative.date(data.asOf())), rows);
    }

    private static String state(Phase phase, LocalDate asOf) {
        if (asOf.isBefore(phase.dates().from())) {
            return "未开始";
        }
        return asOf.isAfter(phase.dates().to()) ? "已结束" : "进行中";
    }

    private static void stockFlow(XWPFDocument doc, ReportData data, StockFlowStatement statement) {
        DocxReportWriter.heading(doc, "（二）隐患存量流量表", 2);
        if (statement.period().isEmpty()) {
            DocxReportWriter.body(doc, "专项行动尚未开始，没有存量流量。");
            return;
        }
        var period = statement.period().get();
        DocxReportWriter.body(
                doc,
                "期初存量（" + Narrative.date(period.from().minusDays(1)) + "未整改）+ 本期新增 − 本期整改 = 期末存量（"
                        + Narrative.date(period.to()) + "未整改），按隐患等级（重大隐患在前）、县区和类别列示；每次构建模型时均校验此等式。");
        var totals = new ArrayList<List<String>>();
        for (StockFlowRow row : statement.totals()) {
            totals.add(numbers(List.of(data.name(Dimension.SEVERITY, row.severity()), "合计", ""), row));
        }
        for (StockFlowRow row : statement.rows()) {
            totals.add(numbers(
                    List.of(
                            data.name(Dimension.SEVERITY, row.severity()),
                            data.name(Dimension.DISTRICT, row.districtCode()),
                            data.name(Dimension.CATEGORY, row.category())),
                    row));
        }
        DocxReportWriter.table(doc, List.of("等级", "县区", "类别", "期初存量", "本期新增", "本期整改", "期末存量"), totals);
    }

    private static List<String> numbers(List<String> keys, StockFlowRow row) {
        var cells = new ArrayList<>(keys);
        cells.add(Long.toString(row.opening()));
        cells.add(Long.toString(row.found()));
        cells.add(Long.toString(row.resolved()));
        cells.add(Long.toString(row.closing()));
        return cells;
    }

    private static void outlook(XWPFDocument doc, ReportData data, CampaignOutlook outlook) {
        DocxReportWriter.heading(doc, "（三）目标预测（预测值，非统计指标）", 2);
        DocxReportWriter.body(
                doc,
                "以下为预测：依据本专项行动自" + Narrative.date(outlook.historyFrom()) + "以来发现隐患的整改用时（Kaplan–Meier 生存估计，未整改隐患按删失处理，"
                        + "按类别和等级分层，样本少于 " + cn.xiaoan.analytics.service.OutlookService.MIN_STRATUM
                        + " 项时合并到更粗的层），以固定随机种子模拟 " + outlook.runs() + " 次，给出各目标判定日的预测值、90% 区间和达标概率。");
        var rows = new ArrayList<List<String>>();
        for (GoalOutlook goal : outlook.goals()) {
            if (goal.judged()) {
                rows.add(List.of(goal.nameZh(), "—", Narrative.date(goal.judgedOn()), "已判定", "—", "—"));
                continue;
            }
            for (MeasureOutlook m : goal.measures()) {
                rows.add(List.of(
                        goal.nameZh(),
                        m.nameZh(),
                        Narrative.date(m.at()),
                        m.projected() ? value(m, m.expected()) : m.reasonZh(),
                        m.projected() ? value(m, m.low()) + " – " + value(m, m.high()) : "—",
                        m.chanceMet() == null ? "—" : percent(m.chanceMet())));
            }
        }
        DocxReportWriter.table(doc, List.of("目标", "指标", "判定日", "预测值", "90% 区间", "达标概率"), rows);
        if (outlook.deadlineRisks().isEmpty()) {
            return;
        }
        DocxReportWriter.body(doc, "最可能超期的未整改隐患（按预测超期概率排序）：");
        var risks = new ArrayList<List<String>>();
        for (DeadlineRisk r : outlook.deadlineRisks()) {
            risks.add(List.of(
                    data.name(Dimension.DISTRICT, r.districtCode()),
                    r.schoolName(),
                    r.hazardId(),
                    data.name(Dimension.SEVERITY, r.severity()) + " " + data.name(Dimension.CATEGORY, r.category()),
                    Narrative.date(r.deadline()),
                    percent(r.missProbability())));
        }
        DocxReportWriter.table(doc, List.of("县区", "学校", "隐患编号", "等级与类别", "整改期限", "超期概率"), risks);
    }

    private static String value(MeasureOutlook m, double value) {
        return m.figure().unit() == FigureUnit.RATE ? percent(value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }
}
