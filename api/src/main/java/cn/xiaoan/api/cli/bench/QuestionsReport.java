package cn.xiaoan.api.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bench questions} measured: latencies over HTTP per route and overall, where the server's time went, the
 * raw scan of the same run, and the questions that failed (with their status). Milliseconds throughout.
 */
record QuestionsReport(
        String warehouse,
        long hazards,
        long seed,
        int warmupQuestions,
        int cores,
        List<RouteLatency> routes,
        RouteLatency overall,
        Map<String, Double> timeShares,
        RawScan rawScan,
        List<SlowQuestion> slowest,
        List<String> failures,
        double p95,
        double p95OverRawScan) {

    /** Latencies of one route (or all): count, percentiles over HTTP, and the mean server phases. */
    record RouteLatency(
            String route, int questions, double p50, double p95, double p99, double max, PhaseTimes meanPhases) {
        static RouteLatency of(String route, List<Double> millis, List<PhaseTimes> phases) {
            Latencies latencies = Latencies.of(millis);
            return new RouteLatency(
                    route,
                    latencies.count(),
                    latencies.percentile(50),
                    latencies.percentile(95),
                    latencies.percentile(99),
                    latencies.percentile(100),
                    PhaseTimes.mean(phases));
        }
    }

    /**
     * The baseline: the heatmap answered by scanning every hazard, at the as-of dates of the run's questions, scanned
     * between them (p50, p95) and again after them ({@code afterP50}); {@code baseline} is the faster p50, so that a
     * scan slowed by the questions' load never flatters the ratio.
     */
    record RawScan(int scans, double p50, double p95, double afterP50, double baseline) {}

    /** One question asked, with its time over HTTP and the server's phases (the slowest are listed). */
    record SlowQuestion(String route, String path, double millis, PhaseTimes phases) {}

    /** Each server phase's share of the summed server time, plus {@code http} (client time beyond the server's). */
    static Map<String, Double> shares(List<PhaseTimes> phases, List<Double> clientMillis) {
        double client = clientMillis.stream().mapToDouble(Double::doubleValue).sum();
        var shares = new LinkedHashMap<String, Double>();
        double server = 0;
        for (String phase : PhaseTimes.PHASES) {
            double sum =
                    phases.stream().mapToDouble(times -> times.phase(phase)).sum();
            shares.put(phase, client > 0 ? sum / client : 0);
            server += sum;
        }
        shares.put("http", client > 0 ? Math.max(0, client - server) / client : 0);
        return shares;
    }

    String describe() {
        var lines = new ArrayList<String>();
        lines.add(String.format(
                Locale.ROOT,
                "随机问题基准 bench questions — %,d hazards (%s), seed %d, %d questions asked once each over HTTP on a"
                        + " fresh server, one at a time (+%d warm-up questions not counted); %d cores",
                hazards,
                warehouse,
                seed,
                overall.questions(),
                warmupQuestions,
                cores));
        lines.add(String.format(
                Locale.ROOT,
                "%-9s %4s %8s %8s %8s %8s | mean ms: %6s %6s %6s %7s %6s %6s %5s",
                "route",
                "n",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "auth",
                "parse",
                "plan",
                "execute",
                "shape",
                "serial",
                "stmts"));
        for (RouteLatency route : routes) {
            lines.add(row(route));
        }
        lines.add(row(overall));
        var shares = new StringBuilder("where the time goes (share of the summed request time):");
        timeShares.forEach(
                (phase, share) -> shares.append(String.format(Locale.ROOT, " %s %.1f%%", phase, share * 100)));
        lines.add(shares.toString());
        lines.add(String.format(
                Locale.ROOT,
                "baseline: raw DuckDB scan of every hazard answering the heatmap (district × category, open and risk"
                        + " weight at D), %d as-of dates scanned between the questions: p50 %.1f ms, p95 %.1f ms;"
                        + " after them: p50 %.1f ms",
                rawScan.scans(),
                rawScan.p50(),
                rawScan.p95(),
                rawScan.afterP50()));
        lines.add("slowest questions (ms over HTTP; server execute ms, statements):");
        for (SlowQuestion question : slowest) {
            PhaseTimes phases = question.phases();
            lines.add(String.format(
                    Locale.ROOT,
                    "  %8.1f  %-8s %7.1f %3.0f  %s",
                    question.millis(),
                    question.route(),
                    phases == null ? 0 : phases.execute(),
                    phases == null ? 0 : phases.statements(),
                    question.path()));
        }
        lines.add(String.format(Locale.ROOT, "failed questions: %d", failures.size()));
        failures.stream().limit(10).forEach(failure -> lines.add("  " + failure));
        lines.add(String.format(
                Locale.ROOT,
                "p95 %.1f ms = %.2f× the raw scan (p50 %.1f ms); p99 %.1f ms = %.2f× p95",
                p95,
                p95OverRawScan,
                rawScan.baseline(),
                overall.p99(),
                overall.p99() / p95));
        return String.join(System.lineSeparator(), lines);
    }

    private static String row(RouteLatency route) {
        PhaseTimes mean = route.meanPhases();
        return String.format(
                Locale.ROOT,
                "%-9s %4d %8.1f %8.1f %8.1f %8.1f | %15.2f %6.2f %6.2f %7.2f %6.2f %6.2f %5.1f",
                route.route(),
                route.questions(),
                route.p50(),
                route.p95(),
                route.p99(),
                route.max(),
                mean.auth(),
                mean.parse(),
                mean.plan(),
                mean.execute(),
                mean.shape(),
                mean.serialise(),
                mean.statements());
    }
}
