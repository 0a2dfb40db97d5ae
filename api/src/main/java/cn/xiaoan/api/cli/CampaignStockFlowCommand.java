package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.service.StockFlowRow;
import cn.xiaoan.analytics.service.StockFlowService;
import cn.xiaoan.analytics.service.StockFlowStatement;
import cn.xiaoan.api.server.CampaignOutlookBodies;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xiaoan campaigns stock-flow ID}: the campaign's stock-flow statement, MAJOR first. */
@Command(
        name = "stock-flow",
        mixinStandardHelpOptions = true,
        description = {
            "专项行动存量流量表：期初存量 + 本期新增 − 本期整改 = 期末存量（按等级、县区、类别，重大隐患在前）",
            "A campaign's stock-flow statement: opening + new − resolved = closing per severity, district and category"
        })
final class CampaignStockFlowCommand extends CampaignsCommand.GoalsSubcommand {
    @Parameters(paramLabel = "ID", description = "专项行动编号 Campaign id (see campaigns list)")
    String id;

    CampaignStockFlowCommand(Components components) {
        super(components);
    }

    @Override
    public Integer call() throws JsonProcessingException {
        CampaignCatalog catalog = components.campaigns();
        // --format json: the same document as GET /api/v1/campaigns/{id}/stock-flow
        return answer(
                catalog,
                campaign(catalog, id),
                (figures, campaign, snapshot, day, districts) ->
                        new StockFlowService(figures).statement(campaign, snapshot, day, districts),
                CampaignOutlookBodies.StockFlowBody::of,
                this::print);
    }

    private void print(PrintWriter out, CampaignDefinition campaign, StockFlowStatement statement) {
        out.printf(
                "%s %s — 存量流量 stock and flow %s (as of %s, model v%d)%n",
                campaign.id(),
                campaign.name().zh(),
                statement.period().map(p -> p.from() + " – " + p.to()).orElse("—"),
                statement.asOf(),
                statement.modelVersion().version());
        out.println("等级 severity  县区 district  类别 category  期初 opening + 新增 new − 整改 resolved = 期末 closing");
        for (StockFlowRow row : statement.totals()) {
            print(out, row);
        }
        for (StockFlowRow row : statement.rows()) {
            print(out, row);
        }
    }

    private void print(PrintWriter out, StockFlowRow row) {
        out.printf(
                "%-8s %-8s %-6s %-14s %d + %d − %d = %d%s%n",
                row.severity(),
                row.districtCode() == null ? "合计" : row.districtCode(),
                row.districtCode() == null ? "" : district(row.districtCode()),
                row.category() == null ? "" : row.category(),
                row.opening(),
                row.found(),
                row.resolved(),
                row.closing(),
                row.balanced() ? "" : "  不平衡 / does not add up");
    }
}
