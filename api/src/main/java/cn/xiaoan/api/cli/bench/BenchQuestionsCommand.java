package cn.xiaoan.api.cli.bench;

import cn.xiaoan.analytics.bench.PublishedFacts;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.RunningServer;
import cn.xiaoan.api.server.ServerLimits;
import cn.xiaoan.api.server.ServerSettings;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan bench questions}: random dashboard questions, each asked once over HTTP on a freshly started server
 * (so each is a first computation), with the server's own account of where the time went (Server-Timing), against a
 * raw DuckDB scan of every hazard answering the heatmap in the same run.
 */
@Command(
        name = "questions",
        mixinStandardHelpOptions = true,
        description = {
            "随机仪表盘问题（各问一次、无缓存）经 HTTP 的 p50/p95/p99 与耗时分解，对比同次运行中直接扫描全部隐患的热力图",
            "Random dashboard questions, each asked once over HTTP on a fresh server (nothing cached): p50/p95/p99 per"
                    + " route and where the time goes, against a raw DuckDB scan of every hazard answering the heatmap"
                    + " in the same run; the last line is the p95 and its ratio to the raw scan"
        })
final class BenchQuestionsCommand implements Callable<Integer> {
    private static final Duration WARMUP_WAIT = Duration.ofMinutes(5);
    private static final int MAX_RAW_SCANS = 21;
    /** The slowest questions listed, to show what the tail is made of. */
    private static final int SLOWEST = 10;

    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--questions",
            defaultValue = "200",
            description = "问题数 Questions measured (default: ${DEFAULT-VALUE})")
    int questions;

    @Option(
            names = "--warmup",
            defaultValue = "20",
            description = "预热问题数（另行抽取、不计入） Warm-up questions for the JVM, drawn apart and not counted"
                    + " (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "随机种子 Seed of the draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "输出格式 Output: text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Mixin
    BenchData data;

    BenchQuestionsCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        boolean json =
                switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "text" -> false;
                    case "json" -> true;
                    default ->
                        throw new ParameterException(
                                spec.commandLine(),
                                "格式 format \"" + format + "\" 无效 is not known: expected text or json");
                };
        if (questions < 1 || warmup < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "问题数须为正 questions must be positive and warm-up questions not negative (" + questions + ", " + warmup
                            + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        // progress goes to stderr in JSON mode, so stdout is the document alone
        PrintWriter progress = json ? spec.commandLine().getErr() : out;
        Warehouse warehouse = data.warehouse(components, "figures", progress);
        QuestionsReport report;
        try (PublishedFacts facts = PublishedFacts.open(warehouse)) {
            var drawer = new QuestionDrawer(QuestionCatalog.of(facts), seed);
            List<DrawnQuestion> warm = drawer.draw(warmup);
            List<DrawnQuestion> measured = drawer.draw(questions);
            report = measure(warehouse, facts, warm, measured, progress);
        }
        out.println(json ? new ObjectMapper().writeValueAsString(report) : report.describe());
        out.flush();
        return report.failures().isEmpty() ? 0 : 1;
    }

    private QuestionsReport measure(
            Warehouse warehouse,
            PublishedFacts facts,
            List<DrawnQuestion> warm,
            List<DrawnQuestion> measured,
            PrintWriter progress)
            throws Exception {
        UserStore users = components.users(warehouse);
        String user = "bench-questions-" + UUID.randomUUID().toString().substring(0, 8);
        users.add(user, Role.LEADER, Scope.city(), Optional.of(UUID.randomUUID().toString()));
        String token = users.issueToken(user, "bench questions");
        // generous limits: one question at a time, the point is each question's latency, not the rate limiter
        var limits = new ServerLimits(
                ServerLimits.MIB, 256 * ServerLimits.MIB, Runtime.getRuntime().availableProcessors(), 1_000_000, 20);
        var byRoute = new EnumMap<QuestionRoute, List<Double>>(QuestionRoute.class);
        var phasesByRoute = new EnumMap<QuestionRoute, List<PhaseTimes>>(QuestionRoute.class);
        var all = new ArrayList<Double>();
        var allPhases = new ArrayList<PhaseTimes>();
        var failures = new ArrayList<String>();
        var asked = new ArrayList<QuestionsReport.SlowQuestion>();
        var scanMillis = new ArrayList<Double>();
        var afterMillis = new ArrayList<Double>();
        try (var server =
                RunningServer.start(components, warehouse, users, new ServerSettings("127.0.0.1", 0, limits))) {
            awaitOverview(server);
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (DrawnQuestion question : warm) {
                ask(http, server.baseUrl(), token, question);
            }
            progress.printf("%d warm-up questions asked; asking %d questions ...%n", warm.size(), measured.size());
            progress.flush();
            List<LocalDate> scanDates = scanDates(measured);
            facts.scanHeatmap(scanDates.get(0)); // untimed: the scan's first run reads the file cold
            int scanEvery = Math.max(1, measured.size() / scanDates.size());
            for (int i = 0; i < measured.size(); i++) {
                // the baseline is scanned between the questions, so that both meet the same load on a shared machine
                if (i % scanEvery == 0 && scanMillis.size() < scanDates.size()) {
                    scanMillis.add(timedScan(facts, scanDates.get(scanMillis.size())));
                }
                DrawnQuestion question = measured.get(i);
                Answer answer = ask(http, server.baseUrl(), token, question);
                if (answer.status() != 200) {
                    failures.add(answer.status() + " " + question.path() + " " + abbreviated(answer.body()));
                    continue;
                }
                byRoute.computeIfAbsent(question.route(), route -> new ArrayList<>())
                        .add(answer.millis());
                phasesByRoute
                        .computeIfAbsent(question.route(), route -> new ArrayList<>())
                        .add(answer.phases());
                all.add(answer.millis());
                allPhases.add(answer.phases());
                asked.add(new QuestionsReport.SlowQuestion(
                        question.route().code(), question.path(), answer.millis(), answer.phases()));
            }
            while (scanMillis.size() < scanDates.size()) {
                scanMillis.add(timedScan(facts, scanDates.get(scanMillis.size())));
            }
            // and again once every question is answered, as the bench did before: the ratio takes the faster
            for (LocalDate asOf : scanDates) {
                afterMillis.add(timedScan(facts, asOf));
            }
        } finally {
            users.disable(user);
        }
        Latencies scans = Latencies.of(scanMillis);
        Latencies after = Latencies.of(afterMillis);
        var rawScan = new QuestionsReport.RawScan(
                scans.count(),
                scans.percentile(50),
                scans.percentile(95),
                after.percentile(50),
                Math.min(scans.percentile(50), after.percentile(50)));
        var routes = new ArrayList<QuestionsReport.RouteLatency>();
        byRoute.forEach((route, millis) ->
                routes.add(QuestionsReport.RouteLatency.of(route.code(), millis, phasesByRoute.get(route))));
        var overall = QuestionsReport.RouteLatency.of("all", all, allPhases);
        return new QuestionsReport(
                warehouse.root().toString(),
                facts.hazards(),
                seed,
                warm.size(),
                Runtime.getRuntime().availableProcessors(),
                routes,
                overall,
                QuestionsReport.shares(allPhases, all),
                rawScan,
                asked.stream()
                        .sorted(java.util.Comparator.comparingDouble(QuestionsReport.SlowQuestion::millis)
                                .reversed())
                        .limit(SLOWEST)
                        .toList(),
                failures,
                overall.p95(),
                overall.p95() / rawScan.baseline());
    }

    /** The server computes the overview's defaults when it starts: wait, so that work competes with no question. */
    private static void awaitOverview(RunningServer server) throws InterruptedException {
        Instant deadline = Instant.now().plus(WARMUP_WAIT);
        while (server.overviewWarmedVersion().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    private record Answer(int status, double millis, PhaseTimes phases, String body) {}

    private static Answer ask(HttpClient http, String base, String token, DrawnQuestion question) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + question.path()))
                .header("Authorization", "Bearer " + token)
                .header("X-Xiaoan-Timing", "1")
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - started) / 1e6;
        PhaseTimes phases = response.statusCode() == 200
                ? PhaseTimes.parse(
                        response.headers().firstValue("Server-Timing").orElse(null))
                : null;
        return new Answer(response.statusCode(), millis, phases, response.body());
    }

    /** The raw scan's as-of dates: the heatmap questions' dates (others' when too few). */
    private static List<LocalDate> scanDates(List<DrawnQuestion> measured) {
        var dates = new ArrayList<LocalDate>();
        measured.stream()
                .filter(question -> question.route() == QuestionRoute.HEATMAP)
                .map(DrawnQuestion::asOf)
                .forEach(dates::add);
        measured.stream().map(DrawnQuestion::asOf).forEach(dates::add);
        return dates.stream().distinct().limit(MAX_RAW_SCANS).toList();
    }

    private static double timedScan(PublishedFacts facts, LocalDate asOf) {
        long started = System.nanoTime();
        facts.scanHeatmap(asOf);
        return (System.nanoTime() - started) / 1e6;
    }

    private static String abbreviated(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
