package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.generate.CampaignPlan;

/** Lets tests outside the cli package generate a campaign's data as {@code generate --campaign} does. */
public final class CampaignFixtures {
    private CampaignFixtures() {}

    public static CampaignPlan plan(CampaignDefinition campaign) {
        return CampaignPlans.of(campaign);
    }
}
