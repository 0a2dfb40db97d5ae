package cn.xiaoan.analytics.campaign;

import cn.xiaoan.analytics.campaign.CampaignReader.ReadCampaign;
import cn.xiaoan.analytics.figure.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks across fields of a campaign that reads cleanly: every date inside the campaign period, phases apart and in
 * order, ids unique, district filters and supervised schools inside the area. Each problem names file, line and field.
 */
public final class CampaignValidator {
    /** Area schools listed in a message before "…": enough to spot a misspelling, short enough to read. */
    private static final int LISTED = 40;

    /** Every problem found (empty: valid). */
    public List<CampaignError> problems(ReadCampaign read) {
        var check = new Check(read);
        check.all();
        return List.copyOf(check.errors);
    }

    /** The campaign, or an exception listing every problem. */
    public CampaignDefinition validated(ReadCampaign read) {
        List<CampaignError> problems = problems(read);
        if (!problems.isEmpty()) {
            throw new CampaignFileException(problems);
        }
        return read.campaign();
    }

    private static final class Check {
        private final ReadCampaign read;
        private final CampaignDefinition campaign;
        private final List<CampaignError> errors = new ArrayList<>();

        Check(ReadCampaign read) {
            this.read = read;
            this.campaign = read.campaign();
        }

        void all() {
            DateRange period = campaign.period();
            if (campaign.baseline().isAfter(period.to())) {
                error(
                        "baseline",
                        "基准日 " + campaign.baseline() + " 晚于活动结束日 " + period.to(),
                        "the baseline " + campaign.baseline() + " is after the campaign ends (" + period.to() + ")");
            }
            phases(period);
            goals(period);
            groups(period);
            returns(period);
            unique(
                    "area.districts",
                    campaign.area().districts().stream().map(AreaDistrict::code).toList());
            unique("area.schools", campaign.area().schools());
        }

        private void phases(DateRange period) {
            List<Phase> phases = campaign.phases();
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                inPeriod("phases[" + i + "].from", phase.dates().from(), period);
                inPeriod("phases[" + i + "].to", phase.dates().to(), period);
                for (int j = 0; j < i; j++) {
                    Phase earlier = phases.get(j);
                    if (earlier.dates().overlaps(phase.dates())) {
                        error(
                                "phases[" + i + "].from",
                                "阶段“" + phase.name().zh() + "”（" + phase.dates() + "）与阶段“"
                                        + earlier.name().zh() + "”（" + earlier.dates() + "）重叠",
                                "phase " + phase.name().en() + " (" + phase.dates() + ") overlaps phase "
                                        + earlier.name().en() + " (" + earlier.dates() + ")");
                    } else if (phase.dates().from().isBefore(earlier.dates().from())) {
                        error(
                                "phases[" + i + "].from",
                                "阶段须按时间先后排列：“" + phase.name().zh() + "”早于“"
                                        + earlier.name().zh() + "”",
                                "phases are listed in time order: "
                                        + phase.name().en() + " comes before "
                                        + earlier.name().en());
                    }
                }
            }
        }

        private void goals(DateRange period) {
            unique("goals", campaign.goals().stream().map(GoalDefinition::id).toList());
            Set<String> area = campaign.area().districtCodes();
            for (int g = 0; g < campaign.goals().size(); g++) {
                GoalDefinition goal = campaign.goals().get(g);
                inPeriod("goals[" + g + "].judged_on", goal.judgedOn(), period);
                for (int m = 0; m < goal.measures().size(); m++) {
                    GoalMeasureDefinition measure = goal.measures().get(m);
                    String path = "goals[" + g + "].measures[" + m + "]";
                    measure.period().fixed().ifPresent(days -> {
                        if (days.from().isAfter(goal.judgedOn())) {
                            error(
                                    path + ".period.from",
                                    "指标期间 " + days + " 开始于评判日 " + goal.judgedOn() + " 之后",
                                    "the measure's period " + days + " starts after the goal is judged ("
                                            + goal.judgedOn() + ")");
                        }
                    });
                    Set<String> districts = measure.filters().getOrDefault(Dimension.DISTRICT, Set.of());
                    for (String district : districts) {
                        if (!area.contains(district)) {
                            error(
                                    path + ".filters.district",
                                    "县区 " + district + " 不在活动地区内。可选：" + String.join(", ", sorted(area)),
                                    "district " + district + " is not in the campaign's area. Allowed: "
                                            + String.join(", ", sorted(area)));
                        }
                    }
                }
            }
        }

        private void groups(DateRange period) {
            List<String> area = campaign.area().schools();
            Set<String> inArea = Set.copyOf(area);
            for (int g = 0; g < campaign.supervisionGroups().size(); g++) {
                SupervisionGroup group = campaign.supervisionGroups().get(g);
                String path = "supervision_groups[" + g + "]";
                for (int s = 0; s < group.schools().size(); s++) {
                    String school = group.schools().get(s);
                    if (!inArea.contains(school)) {
                        String allowed = area.isEmpty()
                                ? "（area.schools 为空 / area.schools is empty）"
                                : area.stream().limit(LISTED).collect(Collectors.joining(", "))
                                        + (area.size() > LISTED ? ", …" : "");
                        error(
                                path + ".schools[" + s + "]",
                                "学校“" + school + "”不在活动地区的学校名单内。可选：" + allowed,
                                "school " + school + " is not in the campaign area's schools. Allowed: " + allowed);
                    }
                }
                windows(path + ".visits", group.visitWindows(), period);
                windows(path + ".revisits", group.revisitRounds(), period);
            }
        }

        private void windows(String path, List<DateRange> windows, DateRange period) {
            for (int w = 0; w < windows.size(); w++) {
                inPeriod(path + "[" + w + "].from", windows.get(w).from(), period);
                inPeriod(path + "[" + w + "].to", windows.get(w).to(), period);
            }
        }

        private void returns(DateRange period) {
            unique("returns", campaign.returns().stream().map(ReturnRule::id).toList());
            for (int r = 0; r < campaign.returns().size(); r++) {
                ReturnRule rule = campaign.returns().get(r);
                String path = "returns[" + r + "]";
                inPeriod(path + ".from", rule.dates().from(), period);
                inPeriod(path + ".to", rule.dates().to(), period);
                if (rule.cadence() instanceof Cadence.Once once) {
                    inPeriod(path + ".due", once.due(), period);
                }
            }
        }

        private void inPeriod(String field, LocalDate day, DateRange period) {
            if (!period.contains(day)) {
                error(
                        field,
                        "日期 " + day + " 不在活动期间 " + period + " 内",
                        "the date " + day + " is outside the campaign period " + period);
            }
        }

        private void unique(String field, List<String> values) {
            var seen = new HashSet<String>();
            for (int i = 0; i < values.size(); i++) {
                if (!seen.add(values.get(i))) {
                    error(field + "[" + i + "]", "重复：" + values.get(i), values.get(i) + " appears twice");
                }
            }
        }

        private static List<String> sorted(Set<String> values) {
            return values.stream().sorted().toList();
        }

        private void error(String field, String zh, String en) {
            errors.add(new CampaignError(read.file(), read.line(field), field, zh, en));
        }
    }
}
