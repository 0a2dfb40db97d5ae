package cn.xiaoan.analytics.bench;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FactSource;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.publish.BuildManifest;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.domain.Warehouse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Times the dashboard's typical questions on the published model, read from every hazard ({@code hazard_facts},
 * the baseline) and from the month cube ({@code hazard_cube}), in the same run, and checks both give the same rows.
 */
public final class FiguresBenchmark {
    private final FigureService figures;
    private final Warehouse warehouse;

    public FiguresBenchmark(FigureService figures, Warehouse warehouse) {
        this.figures = requireNonNull(figures, "figures");
        this.warehouse = requireNonNull(warehouse, "warehouse");
    }

    /** One question timed on both sources: the median of {@code runs} runs each, after one warm-up run. */
    public record Timing(
            String question, FactSource cubeSource, int rows, Duration facts, Duration cube, Duration cached) {
        public double speedup() {
            return (double) facts.toNanos() / Math.max(1, cube.toNanos());
        }
    }

    public record Result(Map<String, Long> tableRows, int runs, List<Timing> timings) {
        public String describe() {
            var out = new StringBuilder();
            out.append(String.format("每题 %d 次取中位数 median of %d runs; 行数 rows:", runs, runs));
            tableRows.forEach((table, rows) -> out.append(String.format(" %s %,d", table, rows)));
            out.append(System.lineSeparator());
            out.append(String.format(
                    "%-38s %-30s %5s %10s %10s %8s %10s%n",
                    "question", "cube", "rows", "facts ms", "cube ms", "ratio", "cached ms"));
            for (Timing timing : timings) {
                out.append(String.format(
                        "%-38s %-30s %5d %10.1f %10.1f %7.1f× %10.3f%n",
                        timing.question(),
                        timing.cubeSource().table(),
                        timing.rows(),
                        timing.facts().toNanos() / 1e6,
                        timing.cube().toNanos() / 1e6,
                        timing.speedup(),
                        timing.cached().toNanos() / 1e6));
            }
            return out.toString();
        }
    }

    public Result run(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("Cannot benchmark figures: runs must be positive, got " + runs);
        }
        ModelSnapshot snapshot = figures.snapshot();
        LocalDate latest = snapshot.defaultAsOf();
        // as of the last whole month's end (what the overview shows by default), so the cube can answer
        YearMonth month = YearMonth.from(latest);
        LocalDate asOf = latest.equals(month.atEndOfMonth())
                ? latest
                : month.minusMonths(1).atEndOfMonth();
        Period yearToDate = Period.yearTo(asOf);
        int previousYear = asOf.getYear() - 1;
        Period lastYear = new Period(LocalDate.of(previousYear, 1, 1), LocalDate.of(previousYear, 12, 31));
        var questions = List.of(
                new NamedQuestion("city total, year to date", request(yearToDate, asOf, List.of(), Map.of())),
                new NamedQuestion(
                        "district × category (heatmap)",
                        request(yearToDate, asOf, List.of(Dimension.DISTRICT, Dimension.CATEGORY), Map.of())),
                new NamedQuestion(
                        "by month, last year (trend)",
                        request(lastYear, lastYear.to(), List.of(Dimension.MONTH), Map.of())),
                new NamedQuestion(
                        "district × school type, MAJOR only",
                        request(
                                yearToDate,
                                asOf,
                                List.of(Dimension.DISTRICT, Dimension.SCHOOL_TYPE),
                                Map.of(Dimension.SEVERITY, Set.of("MAJOR")))));
        var timings = new ArrayList<Timing>();
        for (NamedQuestion question : questions) {
            FigureTable facts = figures.figures(question.request(), FactSource.HAZARD_FACTS);
            FigureTable cube = figures.figures(question.request());
            for (int i = 0; i < facts.rows().size(); i++) {
                for (Figure figure : Figure.values()) {
                    Double expected = facts.rows().get(i).value(figure);
                    Double actual = cube.rows().get(i).value(figure);
                    if (!java.util.Objects.equals(expected, actual)) {
                        throw new IllegalStateException("The cube and the hazards disagree on \"" + question.name()
                                + "\", row " + facts.rows().get(i).keys() + ", " + figure.code() + ": " + expected
                                + " from hazards, " + actual + " from "
                                + cube.source().table()
                                + "; rebuild the model and report this as a bug");
                    }
                }
            }
            timings.add(new Timing(
                    question.name(),
                    cube.source(),
                    facts.rows().size(),
                    median(runs, question.request(), FactSource.HAZARD_FACTS),
                    median(runs, question.request(), cube.source()),
                    medianCached(runs, question.request())));
        }
        BuildManifest manifest =
                BuildManifest.read(warehouse.model(snapshot.version().version()).resolve("build.json"));
        var tableRows = new LinkedHashMap<String, Long>();
        for (FactSource source : FactSource.values()) {
            tableRows.put(source.table(), manifest.rowCounts().getOrDefault(source.table(), 0L));
        }
        return new Result(tableRows, runs, timings);
    }

    private Duration median(int runs, Question request, FactSource source) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            figures.figuresUncached(request, source);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return Duration.ofNanos(nanos[runs / 2]);
    }

    /** The same question asked again: answered from the cache of answers of this model version. */
    private Duration medianCached(int runs, Question request) {
        figures.figures(request);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            figures.figures(request);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        return Duration.ofNanos(nanos[runs / 2]);
    }

    private static Question request(
            Period period, LocalDate asOf, List<Dimension> by, Map<Dimension, Set<String>> filters) {
        return new Question(Optional.of(period), Optional.of(asOf), by, filters);
    }

    private record NamedQuestion(String name, Question request) {}
}
