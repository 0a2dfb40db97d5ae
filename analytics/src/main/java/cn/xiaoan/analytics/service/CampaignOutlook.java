package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A campaign's goal outlook (目标预测) as of D over its area (narrowed to {@code districts} when not empty): the
 * projected measures of each goal still to be judged, the time-to-rectify history it was drawn from (hazards found
 * from {@code historyFrom} to D), and the open hazards most likely to miss their deadlines. A projection, not a
 * figure: docs/FIGURES.md "Goal outlook" gives the method.
 */
public record CampaignOutlook(
        CampaignDefinition campaign,
        LocalDate asOf,
        ModelVersion modelVersion,
        Set<String> districts,
        LocalDate historyFrom,
        int runs,
        long seed,
        List<GoalOutlook> goals,
        List<OutlookStratum> strata,
        List<DeadlineRisk> deadlineRisks) {
    public CampaignOutlook {
        requireNonNull(campaign, "campaign");
        requireNonNull(asOf, "asOf");
        districts = Set.copyOf(districts);
        goals = List.copyOf(goals);
        strata = List.copyOf(strata);
        deadlineRisks = List.copyOf(deadlineRisks);
    }
}
