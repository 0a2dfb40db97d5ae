package cn.xiaoan.api.cli.bench;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.HeatmapRequest;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.auth.UserStore;
import cn.xiaoan.api.cli.Components;
import cn.xiaoan.api.cli.RunningServer;
import cn.xiaoan.api.server.ServerLimits;
import cn.xiaoan.api.server.ServerSettings;
import cn.xiaoan.domain.Warehouse;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan bench api}: the HTTP server under wrk on loopback against the same answers computed in-process in the
 * same run: the heatmap at 8 connections, the catalogue at 16, the SQL console's overhead over raw DuckDB, and an
 * optional soak of mixed endpoints with the heap sampled after each collection.
 */
@Command(
        name = "api",
        mixinStandardHelpOptions = true,
        description = {
            "接口压测（wrk，本机回环）：热力图、目录、SQL 控制台开销与长时间混合负载，对比同次运行的进程内计算",
            "HTTP load test with wrk on loopback: heatmap, catalogue, SQL console overhead and a mixed soak, against the"
                    + " same answers computed in-process in the same run"
        })
final class BenchApiCommand implements Callable<Integer> {
    private static final List<Figure> METRICS =
            List.of(Figure.RISK_INDEX, Figure.OPEN, Figure.OVERDUE, Figure.FOUND, Figure.RECTIFICATION_RATE);
    private static final List<Optional<String>> SEVERITIES =
            List.of(Optional.empty(), Optional.of("MAJOR"), Optional.of("GENERAL"));

    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "每项压测秒数 Seconds per load test (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(
            names = "--soak-seconds",
            defaultValue = "0",
            description = "混合负载持续秒数，0 为不做 Mixed soak duration in seconds, 0 = none (the issue's soak: 600)")
    int soakSeconds;

    @Mixin
    BenchData data;

    BenchApiCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        Wrk.requireInstalled();
        PrintWriter out = spec.commandLine().getOut();
        Warehouse warehouse = data.warehouse(components, "api", out);
        UserStore users = components.users(warehouse);
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        users.add(
                user, Role.ANALYST, Scope.city(), Optional.of(UUID.randomUUID().toString()));
        String token = users.issueToken(user, "bench api");
        // generous rate limits: the point is throughput, not the per-user limiter
        var limits = new ServerLimits(
                ServerLimits.MIB, 256 * ServerLimits.MIB, Runtime.getRuntime().availableProcessors(), 1_000_000, 20);
        Path scripts = Files.createTempDirectory("xiaoan-wrk");
        try (var server =
                RunningServer.start(components, warehouse, users, new ServerSettings("127.0.0.1", 0, limits))) {
            FigureService figures = server.figures();
            String base = server.baseUrl();
            var wrk = new Wrk(scripts);
            Duration duration = Duration.ofSeconds(seconds);

            List<HeatmapRequest> heatmaps = heatmapRequests();
            var coldTimes = new Latencies();
            for (HeatmapRequest request : heatmaps) {
                long started = System.nanoTime();
                figures.heatmap(request);
                coldTimes.add(System.nanoTime() - started);
            }
            Latencies inProcess = inProcess(figures, heatmaps, duration.dividedBy(2));
            Wrk.Result heatmap = wrk.run(base, token, heatmapCalls(), 8, duration);
            Wrk.Result meta = wrk.run(base, token, List.of(Wrk.Call.get("/api/v1/meta")), 16, duration);
            Latencies rawDuckDb = rawSelect42(duration.dividedBy(4));
            Wrk.Result sql = wrk.run(
                    base, token, List.of(new Wrk.Call("POST", "/api/v1/sql", "{\"sql\":\"SELECT 42\"}")), 1, duration);

            out.printf("接口压测 API benchmark — %s, %d s per run, wrk on loopback%n", warehouse.root(), seconds);
            out.printf(
                    "heatmap district×category (%d distinct questions) first computation in-process: p50 %.2f ms,"
                            + " max %.2f ms%n",
                    heatmaps.size(), coldTimes.percentile(50), coldTimes.percentile(100));
            out.printf(
                    "heatmap in-process (answers as the server gives them, no HTTP): p50 %.3f ms, p95 %.3f ms%n",
                    inProcess.percentile(50), inProcess.percentile(95));
            out.printf(
                    "heatmap over HTTP, 8 connections: %.0f req/s, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, errors %d"
                            + "  (target p95 ≤ 50 ms, zero errors)%n",
                    heatmap.requestsPerSecond(), heatmap.p50(), heatmap.p95(), heatmap.p99(), heatmap.errors());
            out.printf(
                    "  ratio HTTP p50 / in-process p50: %.2f (target ≤ 1.5); HTTP p50 over the first computation's"
                            + " p50: %.2f%n",
                    heatmap.p50() / inProcess.percentile(50), heatmap.p50() / coldTimes.percentile(50));
            out.printf(
                    "meta over HTTP, 16 connections: %.0f req/s, p50 %.3f ms, errors %d  (target ≥ 10000 req/s)%n",
                    meta.requestsPerSecond(), meta.p50(), meta.errors());
            out.printf(
                    "SELECT 42: raw DuckDB JDBC p50 %.3f ms; console over HTTP (1 connection) p50 %.3f ms, p95 %.3f"
                            + " ms, errors %d; overhead %.3f ms (target ≤ 5 ms)%n",
                    rawDuckDb.percentile(50), sql.p50(), sql.p95(), sql.errors(), sql.p50() - rawDuckDb.percentile(50));
            if (soakSeconds > 0) {
                soak(out, wrk, base, token, Duration.ofSeconds(soakSeconds));
            }
        } finally {
            try (var files = Files.list(scripts)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(scripts);
            users.disable(user);
        }
        out.flush();
        return 0;
    }

    private void soak(PrintWriter out, Wrk wrk, String base, String token, Duration duration) throws Exception {
        var calls = new ArrayList<>(heatmapCalls());
        calls.add(Wrk.Call.get("/api/v1/meta"));
        calls.add(Wrk.Call.get("/api/v1/figures?by=district"));
        calls.add(Wrk.Call.get("/api/v1/figures?by=category&filter=severity=MAJOR"));
        calls.add(Wrk.Call.get("/api/v1/goals"));
        calls.add(Wrk.Call.get("/api/v1/warnings"));
        calls.add(Wrk.Call.get("/api/v1/health"));
        var heap = new ArrayList<Long>();
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> heap.add(heapAfterCollection()), 0, 15, TimeUnit.SECONDS);
        Wrk.Result result;
        try {
            result = wrk.run(base, token, calls, 16, duration);
        } finally {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
        long first = heap.get(Math.min(1, heap.size() - 1));
        long last = heap.get(heap.size() - 1);
        long max = heap.stream().mapToLong(Long::longValue).max().orElse(0);
        out.printf(
                "soak %d s, mixed endpoints, 16 connections: %d requests (%.0f req/s), p50 %.2f ms, p99 %.2f ms,"
                        + " errors %d (target 0)%n",
                duration.toSeconds(),
                result.requests(),
                result.requestsPerSecond(),
                result.p50(),
                result.p99(),
                result.errors());
        out.printf(
                "  heap after collection: first %.1f MiB, last %.1f MiB, max %.1f MiB over %d samples (flat: last ≤"
                        + " 1.2 × first)%n",
                first / 1048576.0, last / 1048576.0, max / 1048576.0, heap.size());
    }

    private static long heapAfterCollection() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    private static List<HeatmapRequest> heatmapRequests() {
        var requests = new ArrayList<HeatmapRequest>();
        for (Figure metric : METRICS) {
            for (Optional<String> severity : SEVERITIES) {
                requests.add(new HeatmapRequest(
                        Dimension.DISTRICT,
                        Dimension.CATEGORY,
                        metric,
                        Optional.empty(),
                        Optional.empty(),
                        severity.map(code -> Map.of(Dimension.SEVERITY, java.util.Set.of(code)))
                                .orElse(Map.of())));
            }
        }
        return requests;
    }

    private static List<Wrk.Call> heatmapCalls() {
        var calls = new ArrayList<Wrk.Call>();
        for (Figure metric : METRICS) {
            for (Optional<String> severity : SEVERITIES) {
                calls.add(Wrk.Call.get("/api/v1/heatmap?rows=district&columns=category&metric=" + metric.code()
                        + severity.map(code -> "&filter=severity=" + code).orElse("")));
            }
        }
        return calls;
    }

    private static Latencies inProcess(FigureService figures, List<HeatmapRequest> requests, Duration duration) {
        var latencies = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            figures.heatmap(requests.get(i++ % requests.size()));
            latencies.add(System.nanoTime() - started);
        }
        return latencies;
    }

    private static Latencies rawSelect42(Duration duration) throws Exception {
        var latencies = new Latencies();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                try (ResultSet rows = statement.executeQuery("SELECT 42")) {
                    rows.next();
                    rows.getInt(1);
                }
                latencies.add(System.nanoTime() - started);
            }
        }
        return latencies;
    }

    /** Durations in nanoseconds; percentiles in milliseconds. */
    private static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        double percentile(int p) {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
        }
    }
}
