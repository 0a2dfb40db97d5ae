package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;

/** Every district's standing on every goal of a campaign at the as-of date, district by district in reference order. */
public record GoalReport(
        CampaignDefinition campaign, LocalDate asOf, ModelVersion modelVersion, List<GoalProgress> progress) {
    public GoalReport {
        requireNonNull(campaign, "campaign");
        progress = List.copyOf(progress);
    }

    /** A district's standing on a goal. */
    public GoalProgress of(String districtCode, String goalId) {
        return progress.stream()
                .filter(p ->
                        p.districtCode().equals(districtCode) && p.goal().id().equals(goalId))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("Cannot find goal " + goalId + " of district " + districtCode));
    }
}
