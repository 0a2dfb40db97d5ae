package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.campaign.AreaDistrict;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.DateRange;
import cn.xiaoan.analytics.campaign.DrillFrequency;
import cn.xiaoan.analytics.campaign.ReturnCalendar;
import cn.xiaoan.generate.CampaignPlan;
import java.util.EnumMap;
import java.util.List;

/** Translates a campaign definition into what the generator (in ingest, below the campaign package) needs. */
final class CampaignPlans {
    private CampaignPlans() {}

    static CampaignPlan of(CampaignDefinition campaign) {
        var drills =
                new EnumMap<cn.xiaoan.domain.SchoolType, CampaignPlan.DrillEvery>(cn.xiaoan.domain.SchoolType.class);
        campaign.drillRule().forEach((type, frequency) -> drills.put(type, every(frequency)));
        return new CampaignPlan(
                campaign.id(),
                window(campaign.period()),
                campaign.area().districts().stream().map(AreaDistrict::code).toList(),
                campaign.area().schools(),
                campaign.supervisionGroups().stream()
                        .map(group -> new CampaignPlan.Group(
                                group.name().zh(),
                                group.schools(),
                                windows(group.visitWindows()),
                                windows(group.revisitRounds())))
                        .toList(),
                campaign.returns().stream()
                        .filter(rule -> rule.dataset().isPresent())
                        .map(rule -> new CampaignPlan.Return(
                                rule.id(),
                                rule.dataset().get(),
                                ReturnCalendar.periods(rule).stream()
                                        .map(p -> new CampaignPlan.Due(p.opens(), p.due(), p.lateUntil()))
                                        .toList(),
                                rule.nilAllowed()))
                        .toList(),
                drills,
                !campaign.facilityChecklist().isEmpty());
    }

    private static CampaignPlan.DrillEvery every(DrillFrequency frequency) {
        return switch (frequency) {
            case MONTHLY -> CampaignPlan.DrillEvery.MONTH;
            case QUARTERLY -> CampaignPlan.DrillEvery.QUARTER;
            case PER_TERM -> CampaignPlan.DrillEvery.TERM;
        };
    }

    private static CampaignPlan.Window window(DateRange range) {
        return new CampaignPlan.Window(range.from(), range.to());
    }

    private static List<CampaignPlan.Window> windows(List<DateRange> ranges) {
        return ranges.stream().map(CampaignPlans::window).toList();
    }
}
