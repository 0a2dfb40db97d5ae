package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;

/** A campaign's supervision groups as of a day: every group's visit windows and 回头看 rounds, in file order. */
public record SupervisionReport(
        CampaignDefinition campaign, LocalDate asOf, ModelVersion modelVersion, List<GroupRound> rounds) {
    public SupervisionReport {
        requireNonNull(campaign, "campaign");
        requireNonNull(asOf, "asOf");
        rounds = List.copyOf(rounds);
    }
}
