package cn.xiaoan.api.cli.bench;

import cn.xiaoan.analytics.bench.PublishedFacts;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.RunningServer;
import cn.xiaoan.api.server.OverviewFigures;
import cn.xiaoan.api.server.ServerLimits;
import cn.xiaoan.api.server.ServerSettings;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan bench ui}: the overview page in headless Chromium, from navigation until every chart has drawn
 * (ECharts' {@code finished}) and every card and table is filled, against the same API requests made straight from
 * Java in the same run.
 */
@Command(
        name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "总览页面在浏览器中完全绘制的耗时 vs 直接请求同样的接口",
            "Overview fully drawn in headless Chromium against the same API requests made directly"
        })
final class BenchUiCommand implements Callable<Integer> {
    private static final String COOKIE = "xiaoan_session";
    private static final long DATE_SEED = 21;

    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "7", description = "测量次数 Measured page loads (default: ${DEFAULT-VALUE})")
    int runs;

    @Mixin
    BenchData data;

    BenchUiCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Warehouse warehouse = data.warehouse(components, "figures", out);
        UserStore users = components.users(warehouse);
        String user = "bench-ui-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        users.add(user, Role.LEADER, Scope.city(), Optional.of(password));
        String token = users.issueToken(user, "bench ui");
        try (var server = RunningServer.start(
                        components, warehouse, users, new ServerSettings("127.0.0.1", 0, ServerLimits.defaults()));
                var browser = DevTools.launch(1366, 768)) {
            String base = server.baseUrl();
            String session = signIn(base, user, password);
            browser.call("Network.enable", Map.of());
            browser.call(
                    "Network.setCookie", Map.of("name", COOKIE, "value", session, "url", base + "/", "httpOnly", true));
            browser.call("Network.setCacheDisabled", Map.of("cacheDisabled", false));

            double first = load(browser, base + "/");
            var pages = new ArrayList<Double>();
            var direct = new ArrayList<Double>();
            for (int run = 0; run < runs; run++) {
                pages.add(load(browser, base + "/"));
                direct.add(apiRequests(base, token, ""));
            }
            // as-of dates nobody asked: every answer of the page computed afresh (the page's own and the API's)
            List<LocalDate> dates = unaskedDates(warehouse, runs * 2);
            var fresh = new ArrayList<Double>();
            var freshDirect = new ArrayList<Double>();
            for (int run = 0; run < runs; run++) {
                fresh.add(load(browser, base + "/?asOf=" + dates.get(run)));
                freshDirect.add(apiRequests(base, token, "asOf=" + dates.get(runs + run)));
            }
            double page = median(pages);
            double api = median(direct);
            double uncached = median(fresh);
            out.printf("总览页面 Overview (1366×768), %d runs after a first load, model of %s:%n", runs, warehouse.root());
            out.printf("  first load (answers computed)     %8.0f ms%n", first);
            out.printf("  fully drawn, median               %8.0f ms   p max %.0f ms%n", page, Collections.max(pages));
            out.printf("  the same 7 API requests, median   %8.0f ms   ratio page / API %.2f×%n", api, page / api);
            out.printf(
                    "  at an as-of date never asked, median %5.0f ms   max %.0f ms; its 7 API requests %.0f ms%n",
                    uncached, Collections.max(fresh), median(freshDirect));
            out.printf(
                    "  target: fully drawn within 1500 ms of navigation at a date never asked: %s%n",
                    uncached <= 1500 ? "met" : "NOT met");
        } finally {
            users.disable(user);
        }
        out.flush();
        return 0;
    }

    /** Navigates and waits until the page says every chart is final and its data are in; milliseconds. */
    private static double load(DevTools browser, String url) throws Exception {
        browser.call("Page.navigate", Map.of("url", url));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode done = browser.evaluate("(() => { const d = document.body && document.body.dataset;"
                    + " if (!d || !d.chartsFinishedAt || !d.readyAt || d.chartsFinished !== 'true') return null;"
                    + " return Math.max(Number(d.chartsFinishedAt), Number(d.readyAt)); })()");
            if (done.isNumber()) {
                return done.asDouble();
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("The overview did not finish drawing within 120 s: " + url);
    }

    private static String signIn(String base, String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(COOKIE + "="))
                .map(cookie -> cookie.substring(COOKIE.length() + 1, cookie.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Cannot sign in the bench user: " + response.body()));
    }

    /**
     * Distinct as-of dates between the first hazard and the latest report, excluding the latest report (the server
     * computes the overview there ahead), drawn with a fixed seed.
     */
    private static List<LocalDate> unaskedDates(Warehouse warehouse, int count) {
        QuestionCatalog catalog;
        try (PublishedFacts facts = PublishedFacts.open(warehouse)) {
            catalog = QuestionCatalog.of(facts);
        }
        long span = catalog.latestReport().toEpochDay() - catalog.firstDay().toEpochDay();
        var random = new SplittableRandom(DATE_SEED);
        var dates = new LinkedHashSet<LocalDate>();
        while (dates.size() < Math.min(count, span)) {
            dates.add(catalog.firstDay().plusDays(random.nextLong(span)));
        }
        return List.copyOf(dates);
    }

    /**
     * The overview's requests (overview.js), made at once as the page makes them; time until the last answered, ms. A
     * request that fails stops the bench: the time of an error page says nothing about drawing the overview.
     */
    private static double apiRequests(String base, String token, String asOf) {
        HttpClient http = HttpClient.newHttpClient();
        String and = asOf.isEmpty() ? "" : "&" + asOf;
        List<String> paths = List.of(
                "/api/v1/meta",
                "/api/v1/figures/compare?figures=" + OverviewFigures.parameter(OverviewFigures.CARDS) + and,
                "/api/v1/heatmap?metric=risk_index&rows=district&columns=category" + and,
                "/api/v1/trends?grain=month&figure=found&figure=open&figure=overdue" + and,
                "/api/v1/figures?by=district&figures=" + OverviewFigures.parameter(OverviewFigures.RATE_CHARTS) + and,
                "/api/v1/figures?by=school_type&figures=" + OverviewFigures.parameter(OverviewFigures.RATE_CHARTS)
                        + and,
                "/api/v1/schools?limit=10" + and);
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> responses = paths.stream()
                .map(path -> http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - started) / 1e6;
        for (var response : responses) {
            HttpResponse<String> answered = response.join();
            if (answered.statusCode() != 200) {
                throw new IllegalStateException("The overview's request "
                        + answered.uri().getPath() + "?"
                        + answered.uri().getQuery() + " answered " + answered.statusCode() + ": "
                        + answered.body()
                                .substring(0, Math.min(300, answered.body().length())));
            }
        }
        return elapsed;
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
