package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.domain.SchoolType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One campaign (专项行动) as its file defines it (docs/CAMPAIGNS.md): who issued it, where and when it runs, what
 * counts as legacy stock, its phases, goals over the figure registry, supervision groups, returns, the facility items
 * of its "N个100%" and its drill rule.
 */
public record CampaignDefinition(
        String id,
        LocalizedName name,
        LocalizedName bureau,
        Optional<String> document,
        CampaignArea area,
        LocalDate baseline,
        DateRange period,
        List<Phase> phases,
        List<GoalDefinition> goals,
        List<SupervisionGroup> supervisionGroups,
        List<ReturnRule> returns,
        List<Figure> facilityChecklist,
        Map<SchoolType, DrillFrequency> drillRule) {
    public CampaignDefinition {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(bureau, "bureau");
        requireNonNull(document, "document");
        requireNonNull(area, "area");
        requireNonNull(baseline, "baseline");
        requireNonNull(period, "period");
        phases = List.copyOf(phases);
        goals = List.copyOf(goals);
        supervisionGroups = List.copyOf(supervisionGroups);
        returns = List.copyOf(returns);
        facilityChecklist = List.copyOf(facilityChecklist);
        var drills = new EnumMap<SchoolType, DrillFrequency>(SchoolType.class);
        drills.putAll(drillRule);
        drillRule = Map.copyOf(drills);
    }

    /** The phase running on this day, if any. */
    public Optional<Phase> phaseOn(LocalDate day) {
        return phases.stream().filter(p -> p.dates().contains(day)).findFirst();
    }

    public Optional<GoalDefinition> goal(String goalId) {
        return goals.stream().filter(g -> g.id().equals(goalId)).findFirst();
    }
}
