package cn.xiaoan.analytics.figure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.domain.ReferenceData;
import org.junit.jupiter.api.Test;

class PrimaryCampaignBaselineTest {
    @Test
    void theSqlBaselineIsThePrimaryCampaignsBaseline() {
        CampaignCatalog campaigns = CampaignCatalog.load(ReferenceData.load());

        assertThat(Campaign.BASELINE).isEqualTo(campaigns.primary().baseline());
        assertThat(SqlFunctions.duckDb())
                .last()
                .asString()
                .endsWith("AS DATE '" + campaigns.primary().baseline() + "'");
    }
}
