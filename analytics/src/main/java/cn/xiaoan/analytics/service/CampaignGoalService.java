package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Campaign;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tracks the campaign goals per district. Every number is a figure of {@code figures.sql} over the goal's period;
 * this class only chooses the periods and compares the numbers with the goal.
 */
public final class CampaignGoalService {
    private static final LocalDate BASELINE = Campaign.BASELINE;
    private static final LocalDate YEAR_2025 = LocalDate.of(2025, 1, 1);
    private static final LocalDate YEAR_2026 = LocalDate.of(2026, 1, 1);

    private final FigureService figures;
    /** Runs after each measure: a test publishes a new model version there to show the goals keep to their snapshot. */
    private final Runnable afterEachMeasure;

    public CampaignGoalService(FigureService figures) {
        this(figures, () -> {});
    }

    CampaignGoalService(FigureService figures, Runnable afterEachMeasure) {
        this.figures = requireNonNull(figures, "figures");
        this.afterEachMeasure = requireNonNull(afterEachMeasure, "afterEachMeasure");
    }

    /** Every goal for the given districts (empty: all), as of D (default: the latest report date). */
    public GoalReport goals(Optional<LocalDate> asOf, Set<String> districts) {
        return goals(figures.snapshot(), asOf, districts);
    }

    /** The goals over the given snapshot: its default as-of date and every measure's figures. */
    public GoalReport goals(ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {
        requireNonNull(snapshot, "snapshot");
        LocalDate d = snapshot.dates(Optional.empty(), asOf).asOf();
        Map<Dimension, Set<String>> filters = districts.isEmpty() ? Map.of() : Map.of(Dimension.DISTRICT, districts);
        var byGoal = new EnumMap<CampaignGoal, List<Measured>>(CampaignGoal.class);
        for (CampaignGoal goal : CampaignGoal.values()) {
            byGoal.put(
                    goal,
                    measures(goal, d).stream()
                            .map(spec -> new Measured(snapshot, spec, spec.filters(filters)))
                            .toList());
        }

        List<String> districtCodes = byGoal.get(CampaignGoal.LEGACY_CLEARED).get(0).values().keySet().stream()
                .toList();
        var progress = new ArrayList<GoalProgress>();
        for (String district : districtCodes) {
            for (CampaignGoal goal : CampaignGoal.values()) {
                var measures = new ArrayList<GoalMeasure>();
                var values = new HashMap<String, Double>();
                for (Measured measured : byGoal.get(goal)) {
                    GoalMeasure measure = measured.of(district);
                    measures.add(measure);
                    values.put(measure.code(), measure.value());
                }
                boolean judged = !d.isBefore(goal.deadline());
                progress.add(
                        new GoalProgress(district, goal, GoalStatus.of(judged, satisfied(goal, values)), measures));
            }
        }
        return new GoalReport(d, snapshot.version(), progress);
    }

    /** The figures a goal is judged on, as of D (capped at the goal's deadline). */
    private List<Spec> measures(CampaignGoal goal, LocalDate d) {
        LocalDate at = d.isAfter(goal.deadline()) ? goal.deadline() : d;
        var specs = new ArrayList<Spec>();
        switch (goal) {
            case LEGACY_CLEARED ->
                specs.add(new Spec(
                        "legacy_major_open",
                        "存量重大隐患未整改数",
                        "Legacy major hazards open",
                        Figure.LEGACY_MAJOR_OPEN,
                        false,
                        Period.yearTo(at),
                        at));
            case INCREMENT_CURBED -> {
                if (!d.isBefore(BASELINE)) {
                    LocalDate end2024 = min(d, LocalDate.of(2024, 12, 31));
                    specs.add(new Spec(
                            "major_found_2024",
                            "2024年发现重大隐患数",
                            "Major hazards found in 2024",
                            Figure.MAJOR_FOUND,
                            false,
                            new Period(BASELINE, end2024),
                            end2024));
                }
                if (!d.isBefore(YEAR_2025)) {
                    specs.add(new Spec(
                            "major_found_2025",
                            "2025年发现重大隐患数",
                            "Major hazards found in 2025",
                            Figure.MAJOR_FOUND,
                            false,
                            new Period(YEAR_2025, at),
                            at));
                }
            }
            case DYNAMIC_ZERO -> {
                specs.add(new Spec(
                        "major_open",
                        "重大隐患未整改数",
                        "Major hazards open",
                        Figure.MAJOR_OPEN,
                        false,
                        Period.yearTo(at),
                        at));
                if (!d.isBefore(YEAR_2026)) {
                    specs.add(new Spec(
                            "major_on_time_rate_2026",
                            "2026年重大隐患按期整改率",
                            "On-time rate of major hazards found in 2026",
                            Figure.ON_TIME_RATE,
                            true,
                            new Period(YEAR_2026, at),
                            at));
                }
            }
        }
        return specs;
    }

    /** Whether the numbers meet the goal (so far, before its deadline). */
    private static boolean satisfied(CampaignGoal goal, Map<String, Double> values) {
        return switch (goal) {
            case LEGACY_CLEARED -> values.get("legacy_major_open") == 0;
            case INCREMENT_CURBED -> {
                Double found2025 = values.get("major_found_2025");
                // before 2025 there is no increment to judge yet
                yield found2025 == null || found2025 == 0 || found2025 < values.get("major_found_2024");
            }
            case DYNAMIC_ZERO -> {
                Double onTime = values.get("major_on_time_rate_2026");
                // no MAJOR hazard due yet: none was late
                yield values.get("major_open") == 0 && (onTime == null || onTime == 1.0);
            }
        };
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private record Spec(
            String code, String nameZh, String nameEn, Figure figure, boolean majorOnly, Period period, LocalDate at) {
        /** The question's filters, narrowed to MAJOR hazards when the measure is of those only. */
        Map<Dimension, Set<String>> filters(Map<Dimension, Set<String>> filters) {
            Map<Dimension, Set<String>> all = new EnumMap<>(Dimension.class);
            all.putAll(filters);
            if (majorOnly) {
                all.put(Dimension.SEVERITY, Set.of("MAJOR"));
            }
            return all;
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
                            Optional.of(spec.period()), Optional.of(spec.at()), List.of(Dimension.DISTRICT), filters));
            for (FigureRow row : table.rows()) {
                values.put(row.keys().get(0), row.value(spec.figure()));
            }
            afterEachMeasure.run();
        }

        Map<String, Double> values() {
            return values;
        }

        GoalMeasure of(String district) {
            return new GoalMeasure(
                    spec.code(),
                    spec.nameZh(),
                    spec.nameEn(),
                    spec.figure(),
                    spec.majorOnly(),
                    spec.period(),
                    spec.at(),
                    values.get(district));
        }
    }
}
