package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.GoalCondition;
import cn.xiaoan.analytics.campaign.GoalDefinition;
import cn.xiaoan.analytics.campaign.GoalMeasureDefinition;
import cn.xiaoan.analytics.figure.Campaign;
import cn.xiaoan.analytics.figure.CodeList;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The goal outlook (目标预测) of a campaign: from the time to rectify of the hazards of the campaign's own history
 * (Kaplan–Meier per category and severity, {@link SurvivalCurve}; inputs from {@code sql/outlook/*.sql}), the
 * projected value of each stock and on-time measure at its goal's date with a 90 % interval by simulation with a
 * fixed seed, and the open hazards most likely to miss their deadlines. A statistical model, not a figure: its method
 * is docs/FIGURES.md "Goal outlook"; every surface labels it 预测 / projection.
 */
public final class OutlookService {
    /** A category-and-severity history smaller than this borrows its severity's curve (and that one, all hazards'). */
    public static final int MIN_STRATUM = 30;

    /** Simulated futures per projection. */
    public static final int RUNS = 1000;

    /** The simulation's seed: the same model and as-of date always give the same interval. */
    public static final long SEED = 19;

    /** Days of history before D the arrival rate of new hazards is taken over (clipped to the campaign's start). */
    public static final int ARRIVAL_WINDOW_DAYS = 365;

    /** How many of the hazards most likely to miss their deadline an outlook lists. */
    public static final int DEADLINE_RISKS = 20;

    private final FigureService figures;

    public OutlookService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** The outlook of a campaign over the current model as of D (default: the latest report date). */
    public CampaignOutlook outlook(CampaignDefinition campaign, Optional<LocalDate> asOf, Set<String> districts) {
        return outlook(campaign, figures.snapshot(), asOf, districts);
    }

    public CampaignOutlook outlook(
            CampaignDefinition campaign, ModelSnapshot snapshot, Optional<LocalDate> asOf, Set<String> districts) {
        requireNonNull(campaign, "campaign");
        LocalDate d = snapshot.dates(Optional.empty(), asOf).asOf();
        LocalDate historyFrom = campaign.period().from();
        Optional<Set<String>> inArea = CampaignGoalService.districtsInArea(campaign, districts)
                .map(codes -> CampaignGoalService.known(codes, snapshot));
        Set<String> scope = inArea.orElse(Set.of());
        if (inArea.isPresent() && scope.isEmpty()) {
            return new CampaignOutlook(
                    campaign, d, snapshot.version(), scope, historyFrom, RUNS, SEED, List.of(), List.of(), List.of());
        }

        var parameters = new HashMap<String, Object>();
        parameters.put("as_of", Date.valueOf(d));
        parameters.put("history_from", Date.valueOf(historyFrom));
        LocalDate recentFrom = max(historyFrom, d.minusDays(ARRIVAL_WINDOW_DAYS - 1));
        parameters.put("recent_from", Date.valueOf(recentFrom));
        parameters.put("f_district", CodeList.of(scope));
        Map<String, Object> bound = Map.copyOf(parameters);

        var observations = figures.select(snapshot.model(), sql("durations"), bound, OutlookService::observation);
        Curves curves = new Curves(observations);
        List<OpenHazard> open =
                figures.select(snapshot.model(), sql("open_hazards"), bound, OutlookService::openHazard);
        long windowDays = d.isBefore(historyFrom) ? 0 : ChronoUnit.DAYS.between(recentFrom, d) + 1;
        Map<Stratum, Double> arrivalsPerDay = new LinkedHashMap<>();
        if (windowDays > 0) {
            figures.select(snapshot.model(), sql("arrivals"), bound, row -> {
                arrivalsPerDay.put(
                        new Stratum(row.getString("category"), row.getString("severity")),
                        row.getLong("hazards") / (double) windowDays);
                return null;
            });
        }

        var goals = new ArrayList<GoalOutlook>();
        for (GoalDefinition goal : campaign.goals()) {
            boolean judged = !goal.judgedOn().isAfter(d);
            var measures = new ArrayList<MeasureOutlook>();
            if (!judged) {
                for (GoalMeasureDefinition measure : goal.measures()) {
                    measures.add(project(snapshot, goal, measure, d, scope, curves, open, arrivalsPerDay));
                }
            }
            goals.add(
                    new GoalOutlook(goal.id(), goal.name().zh(), goal.name().en(), goal.judgedOn(), judged, measures));
        }
        return new CampaignOutlook(
                campaign,
                d,
                snapshot.version(),
                scope,
                historyFrom,
                RUNS,
                SEED,
                goals,
                curves.strata(),
                deadlineRisks(open, d, curves));
    }

    private MeasureOutlook project(
            ModelSnapshot snapshot,
            GoalDefinition goal,
            GoalMeasureDefinition measure,
            LocalDate d,
            Set<String> scope,
            Curves curves,
            List<OpenHazard> open,
            Map<Stratum, Double> arrivalsPerDay) {
        LocalDate at = goal.judgedOn();
        Figure figure = measure.figure();
        String nameZh = measure.name().zh();
        String nameEn = measure.name().en();
        if (curves.isEmpty()) {
            return MeasureOutlook.notProjected(
                    measure.id(),
                    nameZh,
                    nameEn,
                    figure,
                    at,
                    "本专项行动尚无整改历史",
                    "The campaign has no history to go by yet");
        }
        for (Dimension dimension : measure.filters().keySet()) {
            if (dimension != Dimension.CATEGORY && dimension != Dimension.SEVERITY && dimension != Dimension.DISTRICT) {
                return MeasureOutlook.notProjected(
                        measure.id(),
                        nameZh,
                        nameEn,
                        figure,
                        at,
                        "按" + dimension.nameZh() + "筛选的指标不作预测",
                        "Not projected: filtered by " + dimension.nameEn());
            }
        }
        Predicate<String> category = codeFilter(measure, Dimension.CATEGORY);
        Predicate<String> severity = codeFilter(measure, Dimension.SEVERITY);
        Predicate<String> district = codeFilter(measure, Dimension.DISTRICT);
        var thresholds = goal.conditions().stream()
                .filter(c -> c.measure().equals(measure.id()) && c.threshold().isPresent())
                .toList();
        int horizon = (int) ChronoUnit.DAYS.between(d, at);
        var random = new SplittableRandom(SEED);
        double[] runs = new double[RUNS];
        switch (figure) {
            case OPEN, MAJOR_OPEN, LEGACY_MAJOR_OPEN -> {
                boolean major = figure != Figure.OPEN;
                boolean legacy = figure == Figure.LEGACY_MAJOR_OPEN;
                Predicate<String> severityOf = major ? severity.and("MAJOR"::equals) : severity;
                var stillOpen = new ArrayList<Double>();
                for (OpenHazard h : open) {
                    if (category.test(h.category())
                            && severityOf.test(h.severity())
                            && district.test(h.districtCode())
                            && (!legacy || h.foundDate().isBefore(Campaign.BASELINE))) {
                        SurvivalCurve curve = curves.of(h.stratum());
                        stillOpen.add(curve.stillOpen(age(h.foundDate(), d), age(h.foundDate(), at)));
                    }
                }
                // new hazards found after D (none can be legacy): a Poisson number per stratum at the recent rate,
                // on days spread evenly up to the goal's date, each open then by its stratum's curve
                var arrivals = new ArrayList<Arrival>();
                if (!legacy && district.test(null)) {
                    arrivalsPerDay.forEach((stratum, rate) -> {
                        if (category.test(stratum.category()) && severityOf.test(stratum.severity())) {
                            arrivals.add(new Arrival(rate * horizon, curves.of(stratum)));
                        }
                    });
                }
                for (int r = 0; r < RUNS; r++) {
                    double count = 0;
                    for (double p : stillOpen) {
                        if (random.nextDouble() < p) {
                            count++;
                        }
                    }
                    for (Arrival arrival : arrivals) {
                        long n = poisson(random, arrival.expected());
                        for (long i = 0; i < n; i++) {
                            int foundOn = 1 + random.nextInt(horizon);
                            if (random.nextDouble() < arrival.curve().survival(horizon - foundOn)) {
                                count++;
                            }
                        }
                    }
                    runs[r] = count;
                }
            }
            case ON_TIME_RATE, DUE_ON_TIME_RATE -> {
                // on_time_rate judges the hazards found in the period, due_on_time_rate those falling due in it
                boolean byDeadline = figure == Figure.DUE_ON_TIME_RATE;
                Period period = measure.period()
                        .fixed()
                        .map(days -> new Period(days.from(), min(days.to(), at)))
                        .orElseGet(() -> Period.yearTo(at));
                var parameters = new HashMap<String, Object>();
                parameters.put("as_of", Date.valueOf(d));
                parameters.put("horizon", Date.valueOf(at));
                parameters.put("period_start", Date.valueOf(period.from()));
                parameters.put("period_end", Date.valueOf(period.to()));
                parameters.put("by_deadline", byDeadline);
                parameters.put(
                        "f_district",
                        CodeList.of(narrowed(scope, measure.filters().get(Dimension.DISTRICT))));
                parameters.put("f_category", CodeList.of(measure.filters().getOrDefault(Dimension.CATEGORY, Set.of())));
                parameters.put("f_severity", CodeList.of(measure.filters().getOrDefault(Dimension.SEVERITY, Set.of())));
                long[] decided = figures.select(snapshot.model(), sql("on_time_decided"), Map.copyOf(parameters), row ->
                                new long[] {row.getLong("decided"), row.getLong("on_time")})
                        .get(0);
                var onTime = new ArrayList<Double>();
                for (OpenHazard h : open) {
                    if (h.deadline() != null
                            && !h.deadline().isBefore(d)
                            && !h.deadline().isAfter(at)
                            && period.contains(byDeadline ? h.deadline() : h.foundDate())
                            && category.test(h.category())
                            && severity.test(h.severity())
                            && district.test(h.districtCode())) {
                        onTime.add(1 - missProbability(h, d, curves));
                    }
                }
                long due = decided[0] + onTime.size();
                if (due == 0) {
                    return MeasureOutlook.notProjected(
                            measure.id(),
                            nameZh,
                            nameEn,
                            figure,
                            at,
                            "到期前没有应整改的隐患（无法计算）",
                            "Nothing falls due by then (undefined)");
                }
                for (int r = 0; r < RUNS; r++) {
                    double count = decided[1];
                    for (double q : onTime) {
                        if (random.nextDouble() < q) {
                            count++;
                        }
                    }
                    runs[r] = count / due;
                }
            }
            default -> {
                return MeasureOutlook.notProjected(
                        measure.id(),
                        nameZh,
                        nameEn,
                        figure,
                        at,
                        "该指标不作预测（仅预测未整改存量与按期整改率）",
                        "Not projected: the outlook projects open stocks and on-time rates only");
            }
        }
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        double expected = Arrays.stream(runs).average().orElse(0);
        Double chance = thresholds.isEmpty() ? null : chance(runs, thresholds);
        return new MeasureOutlook(
                measure.id(),
                nameZh,
                nameEn,
                figure,
                at,
                expected,
                percentile(sorted, 0.05),
                percentile(sorted, 0.95),
                chance,
                null,
                null);
    }

    /** The share of simulated futures in which every threshold condition on the measure holds. */
    private static double chance(double[] runs, List<GoalCondition> conditions) {
        long met = Arrays.stream(runs)
                .filter(value -> conditions.stream()
                        .allMatch(c -> (c.zeroMeets() && value == 0)
                                || c.comparison().holds(value, c.threshold().orElseThrow())))
                .count();
        return met / (double) runs.length;
    }

    /** Open hazards not past their deadline at D, most likely to miss it first (ties: earlier deadline). */
    private static List<DeadlineRisk> deadlineRisks(List<OpenHazard> open, LocalDate d, Curves curves) {
        if (curves.isEmpty()) {
            return List.of();
        }
        return open.stream()
                .filter(h -> h.deadline() != null && !h.deadline().isBefore(d))
                .map(h -> new DeadlineRisk(
                        h.hazardId(),
                        h.schoolCode(),
                        h.schoolName(),
                        h.districtCode(),
                        h.category(),
                        h.severity(),
                        h.foundDate(),
                        h.deadline(),
                        missProbability(h, d, curves)))
                .sorted(Comparator.comparingDouble(DeadlineRisk::missProbability)
                        .reversed()
                        .thenComparing(r -> "MAJOR".equals(r.severity()) ? 0 : 1)
                        .thenComparing(DeadlineRisk::deadline)
                        .thenComparing(DeadlineRisk::hazardId))
                .limit(DEADLINE_RISKS)
                .toList();
    }

    /** P(still open on its deadline day | open at D): rectified on the deadline day is on time. */
    private static double missProbability(OpenHazard h, LocalDate d, Curves curves) {
        SurvivalCurve curve = curves.of(h.stratum());
        int ageNow = age(h.foundDate(), d);
        int ageAtDeadline = age(h.foundDate(), h.deadline());
        return ageAtDeadline <= ageNow ? 1 : curve.stillOpen(ageNow, ageAtDeadline);
    }

    private static Predicate<String> codeFilter(GoalMeasureDefinition measure, Dimension dimension) {
        Set<String> codes = measure.filters().get(dimension);
        // a null code is an arrival, whose district is not known: it passes only where nothing narrows districts
        return codes == null ? code -> true : code -> code != null && codes.contains(code);
    }

    private static Set<String> narrowed(Set<String> scope, Set<String> measureDistricts) {
        if (measureDistricts == null) {
            return scope;
        }
        if (scope.isEmpty()) {
            return measureDistricts;
        }
        var both = new java.util.LinkedHashSet<>(scope);
        both.retainAll(measureDistricts);
        return both;
    }

    /** Knuth's method for small means, the normal approximation (rounded, at least 0) above 30. */
    static long poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        long k = 0;
        double product = random.nextDouble();
        while (product > limit) {
            k++;
            product *= random.nextDouble();
        }
        return k;
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int age(LocalDate found, LocalDate on) {
        return (int) ChronoUnit.DAYS.between(found, on);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static SqlTemplate sql(String name) {
        return SqlTemplate.load("outlook/" + name + ".sql");
    }

    private static StratumObservation observation(ResultSet row) throws SQLException {
        return new StratumObservation(
                new Stratum(row.getString("category"), row.getString("severity")),
                new SurvivalCurve.Observation(
                        row.getInt("days"), row.getInt("rectified") == 1, row.getLong("hazards")));
    }

    private static OpenHazard openHazard(ResultSet row) throws SQLException {
        Date deadline = row.getDate("deadline");
        return new OpenHazard(
                row.getString("hazard_id"),
                row.getString("school_code"),
                row.getString("school_name"),
                row.getString("district_code"),
                row.getString("category"),
                row.getString("severity"),
                row.getDate("found_date").toLocalDate(),
                deadline == null ? null : deadline.toLocalDate());
    }

    record Stratum(String category, String severity) {}

    record StratumObservation(Stratum stratum, SurvivalCurve.Observation observation) {}

    private record Arrival(double expected, SurvivalCurve curve) {}

    private record OpenHazard(
            String hazardId,
            String schoolCode,
            String schoolName,
            String districtCode,
            String category,
            String severity,
            LocalDate foundDate,
            LocalDate deadline) {
        Stratum stratum() {
            return new Stratum(category, severity);
        }
    }

    /** The curves of every stratum, severity and of all hazards, and which one each stratum uses. */
    static final class Curves {
        private final Map<Stratum, SurvivalCurve> own = new LinkedHashMap<>();
        private final Map<String, SurvivalCurve> bySeverity = new LinkedHashMap<>();
        private final SurvivalCurve all;

        Curves(List<StratumObservation> observations) {
            var byStratum = new LinkedHashMap<Stratum, List<SurvivalCurve.Observation>>();
            var severity = new LinkedHashMap<String, List<SurvivalCurve.Observation>>();
            var everything = new ArrayList<SurvivalCurve.Observation>();
            for (StratumObservation o : observations) {
                byStratum.computeIfAbsent(o.stratum(), s -> new ArrayList<>()).add(o.observation());
                severity.computeIfAbsent(o.stratum().severity(), s -> new ArrayList<>())
                        .add(o.observation());
                everything.add(o.observation());
            }
            byStratum.forEach((stratum, list) -> own.put(stratum, SurvivalCurve.estimate(list)));
            severity.forEach((code, list) -> bySeverity.put(code, SurvivalCurve.estimate(list)));
            all = SurvivalCurve.estimate(everything);
        }

        boolean isEmpty() {
            return all.hazards() == 0;
        }

        SurvivalCurve of(Stratum stratum) {
            return switch (level(stratum)) {
                case CATEGORY_AND_SEVERITY -> own.get(stratum);
                case SEVERITY -> bySeverity.get(stratum.severity());
                case ALL -> all;
            };
        }

        OutlookStratum.StratumLevel level(Stratum stratum) {
            SurvivalCurve curve = own.get(stratum);
            if (curve != null && curve.hazards() >= MIN_STRATUM) {
                return OutlookStratum.StratumLevel.CATEGORY_AND_SEVERITY;
            }
            SurvivalCurve severity = bySeverity.get(stratum.severity());
            if (severity != null && severity.hazards() >= MIN_STRATUM) {
                return OutlookStratum.StratumLevel.SEVERITY;
            }
            return OutlookStratum.StratumLevel.ALL;
        }

        /** Every stratum of the history, MAJOR first. */
        List<OutlookStratum> strata() {
            return own.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<Stratum, SurvivalCurve> e) ->
                                    "MAJOR".equals(e.getKey().severity()) ? 0 : 1)
                            .thenComparing(e -> e.getKey().category()))
                    .map(e -> new OutlookStratum(
                            e.getKey().category(),
                            e.getKey().severity(),
                            e.getValue().hazards(),
                            e.getValue().rectified(),
                            e.getValue().medianDays(),
                            level(e.getKey())))
                    .toList();
        }
    }
}
