package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.ReturnRule;
import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign's returns as of a day: each return of a dataset with its calendar, and the returns that are written
 * reports ({@code untracked}: no dataset, so the warehouse cannot see them).
 */
public record ReturnsReport(
        CampaignDefinition campaign,
        LocalDate asOf,
        ModelVersion modelVersion,
        List<ReturnSchedule> schedules,
        List<ReturnRule> untracked) {
    public ReturnsReport {
        requireNonNull(campaign, "campaign");
        requireNonNull(asOf, "asOf");
        schedules = List.copyOf(schedules);
        untracked = List.copyOf(untracked);
    }
}
