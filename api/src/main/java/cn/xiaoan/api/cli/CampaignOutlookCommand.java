package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.service.CampaignOutlook;
import cn.xiaoan.analytics.service.DeadlineRisk;
import cn.xiaoan.analytics.service.GoalOutlook;
import cn.xiaoan.analytics.service.MeasureOutlook;
import cn.xiaoan.analytics.service.OutlookService;
import cn.xiaoan.analytics.service.OutlookStratum;
import cn.xiaoan.api.server.CampaignOutlookBodies;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xiaoan campaigns outlook ID}: the goal outlook (预测), a projection from the campaign's own history. */
@Command(
        name = "outlook",
        mixinStandardHelpOptions = true,
        description = {
            "专项行动目标预测（预测值，非统计指标）：按本行动整改用时的生存分析，预测各目标判定日的未整改数与按期整改率及区间，并列出最可能超期的隐患",
            "A campaign's goal outlook (a projection, not a figure): from the time to rectify of its own history, each"
                    + " goal's open stock and on-time rate at its date with a 90% interval, and the hazards most likely"
                    + " to miss their deadline"
        })
final class CampaignOutlookCommand extends CampaignsCommand.GoalsSubcommand {
    @Parameters(paramLabel = "ID", description = "专项行动编号 Campaign id (see campaigns list)")
    String id;

    CampaignOutlookCommand(Components components) {
        super(components);
    }

    @Override
    public Integer call() throws JsonProcessingException {
        CampaignCatalog catalog = components.campaigns();
        // --format json: the same document as GET /api/v1/campaigns/{id}/outlook
        return answer(
                catalog,
                campaign(catalog, id),
                (figures, campaign, snapshot, day, districts) ->
                        new OutlookService(figures).outlook(campaign, snapshot, day, districts),
                CampaignOutlookBodies.OutlookBody::of,
                this::print);
    }

    private void print(PrintWriter out, CampaignDefinition campaign, CampaignOutlook outlook) {
        out.printf(
                "%s %s — 目标预测（预测） goal outlook (projection) as of %s, model v%d%n",
                campaign.id(),
                campaign.name().zh(),
                outlook.asOf(),
                outlook.modelVersion().version());
        out.printf(
                "方法 Method: Kaplan–Meier 整改用时（%s 起发现的隐患，未整改者删失），%d 次模拟（种子 %d），90%% 区间%n",
                outlook.historyFrom(), outlook.runs(), outlook.seed());
        for (GoalOutlook goal : outlook.goals()) {
            out.printf(
                    "目标 Goal %s（%s）%s%s%n",
                    goal.goalId(), goal.judgedOn(), goal.nameZh(), goal.judged() ? "  已判定 judged" : "");
            for (MeasureOutlook m : goal.measures()) {
                if (m.projected()) {
                    out.printf(
                            Locale.ROOT,
                            "    %s 预测 projected %.2f [%.2f, %.2f]%s%n",
                            m.measureId(),
                            m.expected(),
                            m.low(),
                            m.high(),
                            m.chanceMet() == null
                                    ? ""
                                    : String.format(Locale.ROOT, "  达标概率 chance met %.0f%%", 100 * m.chanceMet()));
                } else {
                    out.printf("    %s — %s / %s%n", m.measureId(), m.reasonZh(), m.reasonEn());
                }
            }
        }
        out.println("整改用时 Time to rectify (hazards, rectified, median days, curve):");
        for (OutlookStratum s : outlook.strata()) {
            out.printf(
                    "    %s %s  %d  %d  %s  %s%n",
                    s.severity(),
                    s.category(),
                    s.hazards(),
                    s.rectified(),
                    s.medianDays() == null ? "—" : s.medianDays(),
                    s.curve().nameZh());
        }
        out.println("最可能超期的隐患 Most likely to miss the deadline:");
        for (DeadlineRisk r : outlook.deadlineRisks()) {
            out.printf(
                    Locale.ROOT,
                    "    %.0f%%  %s %s %s %s %s 期限 %s%n",
                    100 * r.missProbability(),
                    r.districtCode(),
                    r.schoolName(),
                    r.hazardId(),
                    r.severity(),
                    r.category(),
                    r.deadline());
        }
    }
}
