package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.service.CampaignOutlook;
import cn.xiaoan.analytics.service.ReturnsReport;
import cn.xiaoan.analytics.service.StockFlowStatement;
import cn.xiaoan.analytics.service.SupervisionReport;
import java.util.List;
import java.util.Optional;

/**
 * The campaign side of a report. {@code campaign}: whose goals the report shows (a campaign report's own campaign,
 * otherwise the primary one); {@code running}: every campaign whose period overlaps the report's (an annual summary
 * names them); {@code stockFlow} and {@code outlook}: a campaign report's stock-flow statement and goal outlook (预测);
 * {@code groups} and {@code returns}: its supervision groups' rounds and its returns by cadence.
 */
public record CampaignPart(
        CampaignDefinition campaign,
        boolean primary,
        List<CampaignDefinition> running,
        Optional<StockFlowStatement> stockFlow,
        Optional<CampaignOutlook> outlook,
        Optional<SupervisionReport> groups,
        Optional<ReturnsReport> returns) {
    public CampaignPart {
        requireNonNull(campaign, "campaign");
        running = List.copyOf(running);
        requireNonNull(stockFlow, "stockFlow");
        requireNonNull(outlook, "outlook");
        requireNonNull(groups, "groups");
        requireNonNull(returns, "returns");
    }
}
