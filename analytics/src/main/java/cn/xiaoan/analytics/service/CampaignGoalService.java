package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.ComparisonSpan;
import cn.xiaoan.analytics.campaign.GoalCondition;
import cn.xiaoan.analytics.campaign.GoalDefinition;
import cn.xiaoan.analytics.campaign.GoalMeasureDefinition;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tracks a campaign's goals per district, as its file defines them (docs/CAMPAIGNS.md). Every number is a figure of
 * {@code figures.sql} asked of {@link FigureService}; this class only works out each measure's period and as-of date
 * from the goal and compares the numbers as the goal's conditions say.
 */
public final class CampaignGoalService {
    private final FigureService figures;
    private final CampaignCatalog campaigns;
    /** Runs after each measure: a test publishes a new model version there to show the goals keep to their snapshot. */
    private final Runnable afterEachMeasure;

    public CampaignGoalService(FigureService figures, CampaignCatalog campaigns) {
        this(figures, campaigns, () -> {});
    }

    CampaignGoalService(FigureService figures, CampaignCatalog campaigns, Runnable afterEachMeasure) {
        this.figures = requireNonNull(figures, "figures");
        this.campaigns = requireNonNull(campaigns, "campaigns");
        this.afterEachMeasure = requireNonNull(afterEachMeasure, "afterEachMeasure");
    }

    public CampaignCatalog campaigns() {
        return campaigns;
    }

    /** The primary campaign's goals for the given districts (empty: all), as of D (default: the latest report date). */
    public GoalReport goals(Optional<LocalDate> asOf, Set<String> districts) {
        return goals(campaigns.primary(), figures.snapshot(), asOf, districts);
    }

    /** The primary campaign's goals over the given snapshot. */
    public GoalReport goals(ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {
        return goals(campaigns.primary(), snapshot, asOf, districts);
    }

    /**
     * A campaign's goals for the given districts (empty: the whole area) inside the campaign's area, over one snapshot:
     * its default as-of date and every measure's figures.
     */
    public GoalReport goals(
            CampaignDefinition campaign, ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {
        requireNonNull(campaign, "campaign");
        requireNonNull(snapshot, "snapshot");
        LocalDate d = snapshot.dates(Optional.empty(), asOf).asOf();
        Optional<Set<String>> inArea = districtsInArea(campaign, districts)
                // a district the model does not know (another installation's area) has no figures here
                .map(codes -> known(codes, snapshot));
        if (inArea.isPresent() && inArea.get().isEmpty()) {
            return new GoalReport(campaign, d, snapshot.version(), List.of());
        }
        Map<Dimension, Set<String>> filters = inArea.<Map<Dimension, Set<String>>>map(
                        codes -> Map.of(Dimension.DISTRICT, codes))
                .orElse(Map.of());

        var measuredByGoal = new LinkedHashMap<GoalDefinition, List<Measured>>();
        var districtCodes = new LinkedHashSet<String>();
        for (GoalDefinition goal : campaign.goals()) {
            var measured = new ArrayList<Measured>();
            for (Spec spec : specs(goal, d)) {
                Measured m = new Measured(snapshot, spec, spec.filters(filters));
                districtCodes.addAll(m.values().keySet());
                measured.add(m);
            }
            measuredByGoal.put(goal, measured);
        }

        var progress = new ArrayList<GoalProgress>();
        for (String district : districtCodes) {
            for (GoalDefinition goal : campaign.goals()) {
                var measures = new ArrayList<GoalMeasure>();
                var values = new HashMap<String, Double>();
                for (Measured measured : measuredByGoal.get(goal)) {
                    GoalMeasure measure = measured.of(district);
                    measures.add(measure);
                    values.put(measure.code(), measure.value());
                }
                boolean judged = !d.isBefore(goal.judgedOn());
                boolean satisfied = goal.conditions().stream().allMatch(c -> holds(c, values));
                progress.add(new GoalProgress(district, goal, GoalStatus.of(judged, satisfied), measures));
            }
        }
        return new GoalReport(campaign, d, snapshot.version(), progress);
    }

    /** The requested districts inside a district area (empty: none), or nothing to narrow for a school-list area. */
    static Optional<Set<String>> districtsInArea(CampaignDefinition campaign, Set<String> requested) {
        Set<String> area = campaign.area().districtCodes();
        if (area.isEmpty()) {
            return requested.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(requested));
        }
        if (requested.isEmpty()) {
            return Optional.of(area);
        }
        var both = new LinkedHashSet<>(requested);
        both.retainAll(area);
        return Optional.of(both);
    }

    static Set<String> known(Set<String> codes, ModelSnapshot snapshot) {
        Set<String> members =
                snapshot.members(Dimension.DISTRICT).stream().map(Member::code).collect(Collectors.toSet());
        var known = new LinkedHashSet<>(codes);
        known.retainAll(members);
        return known;
    }

    /**
     * The measures of a goal taken as of D, each capped at the end of its period; a measure whose period has not begun
     * by D is left out (nothing to judge yet). A like-for-like comparison narrows its reference measure to the span
     * the measure has run so far.
     */
    private static List<Spec> specs(GoalDefinition goal, LocalDate d) {
        var specs = new LinkedHashMap<String, Spec>();
        for (GoalMeasureDefinition measure : goal.measures()) {
            if (measure.period().isYearToDate()) {
                LocalDate at = min(d, goal.judgedOn());
                specs.put(measure.id(), new Spec(measure, Period.yearTo(at), at));
            } else {
                var days = measure.period().fixed().orElseThrow();
                if (!d.isBefore(days.from())) {
                    LocalDate at = min(d, days.to());
                    specs.put(measure.id(), new Spec(measure, new Period(days.from(), at), at));
                }
            }
        }
        for (GoalCondition condition : goal.conditions()) {
            if (condition.span() != ComparisonSpan.SAME_SPAN_TO_DATE
                    || condition.against().isEmpty()) {
                continue;
            }
            Spec left = specs.get(condition.measure());
            Spec reference = specs.get(condition.against().get());
            if (left == null || reference == null) {
                continue;
            }
            var shift = java.time.Period.between(
                    left.period().from(), reference.period().from());
            LocalDate end = min(left.at().plus(shift), reference.at());
            specs.put(
                    reference.definition().id(),
                    new Spec(
                            reference.definition(),
                            new Period(reference.period().from(), end),
                            end));
        }
        return List.copyOf(specs.values());
    }

    /**
     * Whether the numbers pass one condition. A measure not taken yet, or undefined (a rate with nothing due), does not
     * fail it; with zero_meets a value of 0 passes.
     */
    private static boolean holds(GoalCondition condition, Map<String, Double> values) {
        Double value = values.get(condition.measure());
        if (value == null || (condition.zeroMeets() && value == 0)) {
            return true;
        }
        Double reference = condition
                .threshold()
                .orElseGet(() -> values.get(condition.against().orElseThrow()));
        return reference == null || condition.comparison().holds(value, reference);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private record Spec(GoalMeasureDefinition definition, Period period, LocalDate at) {
        /** The question's filters with the measure's own (a measure's own filter narrows, never widens). */
        Map<Dimension, Set<String>> filters(Map<Dimension, Set<String>> question) {
            Map<Dimension, Set<String>> all = new EnumMap<>(Dimension.class);
            all.putAll(question);
            definition.filters().forEach((dimension, codes) -> {
                var narrowed = new LinkedHashSet<>(codes);
                if (all.containsKey(dimension)) {
                    narrowed.retainAll(all.get(dimension));
                }
                all.put(dimension, narrowed);
            });
            return all;
        }

        boolean majorOnly() {
            return definition
                    .filters()
                    .getOrDefault(Dimension.SEVERITY, Set.of())
                    .equals(Set.of("MAJOR"));
        }
    }

    private final class Measured {
        private final Spec spec;
        private final Map<String, Double> values = new LinkedHashMap<>();

        Measured(ModelSnapshot snapshot, Spec spec, Map<Dimension, Set<String>> filters) {
            this.spec = spec;
            FigureTable table = figures.figures(
                    snapshot,
                    new Question(
                            Optional.of(spec.period()), Optional.of(spec.at()), List.of(Dimension.DISTRICT), filters),
                    Set.of(spec.definition().figure()));
            for (FigureRow row : table.rows()) {
                values.put(row.keys().get(0), row.value(spec.definition().figure()));
            }
            afterEachMeasure.run();
        }

        Map<String, Double> values() {
            return values;
        }

        GoalMeasure of(String district) {
            GoalMeasureDefinition definition = spec.definition();
            return new GoalMeasure(
                    definition.id(),
                    definition.name().zh(),
                    definition.name().en(),
                    definition.figure(),
                    spec.majorOnly(),
                    spec.period(),
                    spec.at(),
                    values.get(district));
        }
    }
}
