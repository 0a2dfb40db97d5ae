package cn.xiaoan.api.cli.bench;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Campaign;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws dashboard questions at random, the same ones for the same seed and catalog: as-of dates, periods, 0–3 filters,
 * 0–2 breakdowns, over every page's requests (the routes taken in turn, each round in a shuffled order, so a few
 * questions cover every route). No question is drawn twice, and none is asked at the latest report date: the server
 * computes the overview's default answers ahead when it starts, so they would not be first computations.
 */
final class QuestionDrawer {
    /** Attempts at a question not drawn before, before giving up (only a tiny model runs out of questions). */
    private static final int ATTEMPTS = 1_000;

    private static final List<Dimension> FILTERS = List.of(
            Dimension.DISTRICT,
            Dimension.SCHOOL_TYPE,
            Dimension.BOARDING,
            Dimension.CATEGORY,
            Dimension.SEVERITY,
            Dimension.INSPECTION_TYPE);
    private static final List<Dimension> TIMES = List.of(Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR);
    /** The metrics the overview's heatmap offers. */
    private static final List<Figure> HEATMAP_METRICS =
            List.of(Figure.RISK_INDEX, Figure.OPEN, Figure.OVERDUE, Figure.FOUND, Figure.RECTIFICATION_RATE);

    private static final List<String> HAZARD_STATES =
            List.of("all", "found", "major_found", "rectified", "open", "overdue", "major_open", "legacy_major_open");
    private static final List<String> HAZARD_SORTS =
            List.of("found_date", "deadline", "days_overdue", "severity", "district", "school");
    private static final List<String> GRAINS = List.of("month", "quarter", "year");

    private final QuestionCatalog catalog;
    private final SplittableRandom random;
    private final Set<String> drawn = new HashSet<>();
    private final List<QuestionRoute> round = new ArrayList<>();

    QuestionDrawer(QuestionCatalog catalog, long seed) {
        this.catalog = requireNonNull(catalog, "catalog");
        this.random = new SplittableRandom(seed);
    }

    /** The next {@code count} questions, none drawn before by this drawer. */
    List<DrawnQuestion> draw(int count) {
        var questions = new ArrayList<DrawnQuestion>(count);
        for (int i = 0; i < count; i++) {
            questions.add(next());
        }
        return questions;
    }

    /** The next question, of the next route of the current round. */
    DrawnQuestion next() {
        if (round.isEmpty()) {
            round.addAll(Arrays.asList(QuestionRoute.values()));
            // Fisher–Yates with the drawer's own random, so the order depends on the seed only
            for (int i = round.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                QuestionRoute swapped = round.get(i);
                round.set(i, round.get(j));
                round.set(j, swapped);
            }
        }
        QuestionRoute route = round.remove(round.size() - 1);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            LocalDate asOf = asOf();
            String path = path(route, asOf);
            if (drawn.add(path)) {
                return new DrawnQuestion(route, path, asOf);
            }
        }
        throw new IllegalStateException("Cannot draw another " + route.code() + " question not drawn before after "
                + ATTEMPTS + " attempts: the model spans too few days; ask fewer questions");
    }

    private String path(QuestionRoute route, LocalDate asOf) {
        var query = new Query();
        return switch (route) {
            case FIGURES -> {
                period(query, asOf);
                for (Dimension dimension : breakdown()) {
                    query.add("by", dimension.code());
                }
                filters(query);
                yield "/api/v1/figures" + query;
            }
            case COMPARE -> {
                period(query, asOf);
                filters(query);
                yield "/api/v1/figures/compare" + query;
            }
            case HEATMAP -> {
                period(query, asOf);
                boolean overview = random.nextBoolean();
                Dimension rows = overview ? Dimension.DISTRICT : pick(FILTERS);
                Dimension columns = overview ? Dimension.CATEGORY : pick(without(FILTERS, rows));
                query.add("rows", rows.code())
                        .add("columns", columns.code())
                        .add("metric", pick(HEATMAP_METRICS).code());
                filters(query);
                yield "/api/v1/heatmap" + query;
            }
            case TRENDS -> {
                if (random.nextInt(4) == 0 && Campaign.BASELINE.isBefore(asOf)) {
                    // the goals page: the campaign's majors by month since the baseline
                    query.add("grain", "month")
                            .add("from", Campaign.BASELINE.toString())
                            .add("to", asOf.toString())
                            .add("asOf", asOf.toString());
                    for (Figure figure : List.of(Figure.MAJOR_OPEN, Figure.LEGACY_MAJOR_OPEN, Figure.MAJOR_FOUND)) {
                        query.add("figure", figure.code());
                    }
                } else {
                    period(query, asOf);
                    query.add("grain", pick(GRAINS));
                    for (Figure figure : List.of(Figure.FOUND, Figure.OPEN, Figure.OVERDUE)) {
                        query.add("figure", figure.code());
                    }
                    filters(query);
                }
                yield "/api/v1/trends" + query;
            }
            case HAZARDS -> {
                period(query, asOf);
                filters(query);
                query.add("state", pick(HAZARD_STATES))
                        .add("sort", pick(HAZARD_SORTS))
                        .add("order", random.nextBoolean() ? "desc" : "asc")
                        .add("page", "1")
                        .add("size", "50");
                yield "/api/v1/hazards" + query;
            }
            case SCHOOL -> {
                query.add("asOf", asOf.toString());
                yield "/api/v1/schools/" + encode(pick(catalog.schools())) + query;
            }
            case RANKING -> {
                query.add("asOf", asOf.toString());
                filters(query);
                query.add("limit", "10");
                yield "/api/v1/schools" + query;
            }
            case GOALS -> "/api/v1/goals" + query.add("asOf", asOf.toString());
            case WARNINGS -> "/api/v1/warnings" + query.add("asOf", asOf.toString());
        };
    }

    /** A day from the first hazard's to the day before the latest report. */
    private LocalDate asOf() {
        long days = catalog.latestReport().toEpochDay() - catalog.firstDay().toEpochDay();
        return catalog.firstDay().plusDays(random.nextLong(days));
    }

    /** No period (the default), the year to date, a month, a quarter, the previous year, or any range up to D. */
    private void period(Query query, LocalDate asOf) {
        LocalDate from;
        LocalDate to;
        switch (random.nextInt(6)) {
            case 0 -> {
                query.add("asOf", asOf.toString());
                return;
            }
            case 1 -> {
                from = asOf.withDayOfYear(1);
                to = asOf;
            }
            case 2 -> {
                YearMonth month = YearMonth.from(asOf).minusMonths(random.nextInt(12));
                from = month.atDay(1);
                to = month.atEndOfMonth();
            }
            case 3 -> {
                YearMonth quarterStart = YearMonth.of(asOf.getYear(), (asOf.getMonthValue() - 1) / 3 * 3 + 1)
                        .minusMonths(3L * random.nextInt(4));
                from = quarterStart.atDay(1);
                to = quarterStart.plusMonths(2).atEndOfMonth();
            }
            case 4 -> {
                from = LocalDate.of(asOf.getYear() - 1, 1, 1);
                to = LocalDate.of(asOf.getYear() - 1, 12, 31);
            }
            default -> {
                from = asOf.minusDays(random.nextLong(1, 731));
                to = from.plusDays(random.nextLong(asOf.toEpochDay() - from.toEpochDay() + 1));
            }
        }
        query.add("from", from.toString()).add("to", to.toString()).add("asOf", asOf.toString());
    }

    /** 0–3 filters on distinct dimensions, one member each. */
    private void filters(Query query) {
        List<Dimension> left = new ArrayList<>(FILTERS);
        left.removeIf(dimension -> catalog.members(dimension).isEmpty());
        int count = Math.min(random.nextInt(4), left.size());
        for (int i = 0; i < count; i++) {
            Dimension dimension = left.remove(random.nextInt(left.size()));
            query.add("filter", dimension.code() + "=" + pick(catalog.members(dimension)));
        }
    }

    /** 0–2 distinct breakdown dimensions, at most one of them time. */
    private List<Dimension> breakdown() {
        int count = random.nextInt(3);
        var by = new ArrayList<Dimension>(count);
        var candidates = new ArrayList<Dimension>(FILTERS);
        candidates.addAll(TIMES);
        for (int i = 0; i < count; i++) {
            Dimension dimension = candidates.remove(random.nextInt(candidates.size()));
            by.add(dimension);
            if (TIMES.contains(dimension)) {
                candidates.removeAll(TIMES);
            }
        }
        return by;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<Dimension> without(List<Dimension> dimensions, Dimension left) {
        return dimensions.stream().filter(dimension -> dimension != left).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A query string built in order, each value encoded. */
    private static final class Query {
        private final StringBuilder text = new StringBuilder();

        Query add(String name, String value) {
            text.append(text.length() == 0 ? '?' : '&').append(name).append('=').append(encode(value));
            return this;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
