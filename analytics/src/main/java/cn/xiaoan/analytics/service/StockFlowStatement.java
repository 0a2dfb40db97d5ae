package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's stock-flow statement over its period so far ({@code period}, empty before the campaign starts): per
 * severity (MAJOR first) a total line, then per district and category every line with hazards.
 */
public record StockFlowStatement(
        CampaignDefinition campaign,
        LocalDate asOf,
        ModelVersion modelVersion,
        Optional<Period> period,
        List<StockFlowRow> totals,
        List<StockFlowRow> rows) {
    public StockFlowStatement {
        requireNonNull(campaign, "campaign");
        requireNonNull(period, "period");
        totals = List.copyOf(totals);
        rows = List.copyOf(rows);
    }
}
