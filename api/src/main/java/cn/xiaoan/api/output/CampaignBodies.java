package cn.xiaoan.api.output;

import cn.xiaoan.analytics.campaign.AreaDistrict;
import cn.xiaoan.analytics.campaign.Cadence;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.DateRange;
import cn.xiaoan.analytics.campaign.GoalCondition;
import cn.xiaoan.analytics.campaign.GoalDefinition;
import cn.xiaoan.analytics.campaign.GoalMeasureDefinition;
import cn.xiaoan.analytics.campaign.Phase;
import cn.xiaoan.analytics.campaign.ReturnRule;
import cn.xiaoan.analytics.campaign.SupervisionGroup;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.domain.Dataset;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The JSON shapes of a campaign definition, shared by {@code GET /api/v1/campaigns…} and {@code xiaoan campaigns}. */
public final class CampaignBodies {
    private CampaignBodies() {}

    /** What a list shows: names, bureau, dates and phases. */
    public record Summary(
            String id,
            String nameZh,
            String nameEn,
            String bureauZh,
            String bureauEn,
            String document,
            LocalDate baseline,
            LocalDate from,
            LocalDate to,
            boolean primary,
            List<PhaseBody> phases) {
        public static Summary of(CampaignDefinition campaign, boolean primary) {
            return new Summary(
                    campaign.id(),
                    campaign.name().zh(),
                    campaign.name().en(),
                    campaign.bureau().zh(),
                    campaign.bureau().en(),
                    campaign.document().orElse(null),
                    campaign.baseline(),
                    campaign.period().from(),
                    campaign.period().to(),
                    primary,
                    campaign.phases().stream().map(PhaseBody::of).toList());
        }
    }

    public record PhaseBody(String nameZh, String nameEn, LocalDate from, LocalDate to) {
        static PhaseBody of(Phase phase) {
            return new PhaseBody(
                    phase.name().zh(),
                    phase.name().en(),
                    phase.dates().from(),
                    phase.dates().to());
        }
    }

    /** The whole definition. */
    public record Detail(
            Summary campaign,
            AreaBody area,
            List<GoalBody> goals,
            List<GroupBody> supervisionGroups,
            List<ReturnBody> returns,
            List<String> facilityChecklist,
            Map<String, String> drillRule) {
        public static Detail of(CampaignDefinition campaign, boolean primary) {
            var drills = new LinkedHashMap<String, String>();
            campaign.drillRule().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> drills.put(e.getKey().code(), e.getValue().code()));
            return new Detail(
                    Summary.of(campaign, primary),
                    new AreaBody(
                            campaign.area().districts().stream()
                                    .map(DistrictBody::of)
                                    .toList(),
                            campaign.area().schools()),
                    campaign.goals().stream().map(GoalBody::of).toList(),
                    campaign.supervisionGroups().stream().map(GroupBody::of).toList(),
                    campaign.returns().stream().map(ReturnBody::of).toList(),
                    campaign.facilityChecklist().stream().map(Figure::code).toList(),
                    drills);
        }
    }

    public record AreaBody(List<DistrictBody> districts, List<String> schools) {}

    public record DistrictBody(String code, String nameZh, String nameEn) {
        static DistrictBody of(AreaDistrict district) {
            return new DistrictBody(
                    district.code(), district.name().zh(), district.name().en());
        }
    }

    public record GoalBody(
            String id,
            String nameZh,
            String nameEn,
            String definition,
            LocalDate judgedOn,
            List<MeasureBody> measures,
            List<String> conditions) {
        static GoalBody of(GoalDefinition goal) {
            return new GoalBody(
                    goal.id(),
                    goal.name().zh(),
                    goal.name().en(),
                    goal.definition(),
                    goal.judgedOn(),
                    goal.measures().stream().map(MeasureBody::of).toList(),
                    goal.conditions().stream().map(GoalCondition::text).toList());
        }
    }

    /** A goal measure; {@code from}/{@code to} are null for a year-to-date measure. */
    public record MeasureBody(
            String id,
            String nameZh,
            String nameEn,
            String figure,
            Map<String, List<String>> filters,
            boolean yearToDate,
            LocalDate from,
            LocalDate to) {
        static MeasureBody of(GoalMeasureDefinition measure) {
            var filters = new LinkedHashMap<String, List<String>>();
            measure.filters().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> filters.put(e.getKey().code(), List.copyOf(new TreeSet<>(e.getValue()))));
            return new MeasureBody(
                    measure.id(),
                    measure.name().zh(),
                    measure.name().en(),
                    measure.figure().code(),
                    filters,
                    measure.period().isYearToDate(),
                    measure.period().fixed().map(DateRange::from).orElse(null),
                    measure.period().fixed().map(DateRange::to).orElse(null));
        }
    }

    public record WindowBody(LocalDate from, LocalDate to) {
        static WindowBody of(DateRange range) {
            return new WindowBody(range.from(), range.to());
        }
    }

    public record GroupBody(
            String nameZh,
            String nameEn,
            String leader,
            List<String> members,
            List<String> schools,
            List<WindowBody> visits,
            List<WindowBody> revisits) {
        static GroupBody of(SupervisionGroup group) {
            return new GroupBody(
                    group.name().zh(),
                    group.name().en(),
                    group.leader(),
                    group.members(),
                    group.schools(),
                    group.visitWindows().stream().map(WindowBody::of).toList(),
                    group.revisitRounds().stream().map(WindowBody::of).toList());
        }
    }

    /**
     * A return; {@code cadence} is weekly, monthly, per_term or once, with {@code weekday}, {@code beforeDay} or
     * {@code due} as it needs; {@code dataset} is null for a written report.
     */
    public record ReturnBody(
            String id,
            String nameZh,
            String nameEn,
            String dataset,
            String cadence,
            String weekday,
            Integer beforeDay,
            LocalDate due,
            LocalDate from,
            LocalDate to,
            boolean nilAllowed) {
        static ReturnBody of(ReturnRule rule) {
            Cadence cadence = rule.cadence();
            return new ReturnBody(
                    rule.id(),
                    rule.name().zh(),
                    rule.name().en(),
                    rule.dataset().map(Dataset::directory).orElse(null),
                    cadence.code(),
                    cadence instanceof Cadence.Weekly w ? w.weekday().name().toLowerCase(Locale.ROOT) : null,
                    cadence instanceof Cadence.MonthlyBefore m ? m.day() : null,
                    cadence instanceof Cadence.Once o ? o.due() : null,
                    rule.dates().from(),
                    rule.dates().to(),
                    rule.nilAllowed());
        }
    }
}
