package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.Analytics;
import cn.xiaoan.analytics.build.BuildEngineChoice;
import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.figure.QuestionTextException;
import cn.xiaoan.analytics.figure.QuestionTooLargeException;
import cn.xiaoan.analytics.publish.ModelNotBuiltException;
import cn.xiaoan.analytics.publish.ModelRetention;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.serving.ServingQueryTimeoutException;
import cn.xiaoan.analytics.sql.DataDictionary;
import cn.xiaoan.api.auth.LoginThrottle;
import cn.xiaoan.api.auth.Role;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.export.CodeNames;
import cn.xiaoan.api.geo.AreaMap;
import cn.xiaoan.api.geo.ChoroplethPainter;
import cn.xiaoan.api.geo.ReportMapSection;
import cn.xiaoan.domain.WarehouseLocks;
import cn.xiaoan.ingest.BatchHistory;
import cn.xiaoan.ingest.BatchWithdrawer;
import cn.xiaoan.ingest.Ingestor;
import cn.xiaoan.ingest.ReportDateRule;
import cn.xiaoan.ingest.SchoolMoves;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the JSON API under {@code /api/v1/}, the dashboards (classpath {@code /dashboards}) at {@code /}
 * and ECharts from its WebJar under {@code /webjars/}. Every route is wired here.
 */
public final class XiaoanServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XiaoanServer.class);
    private static final int STOP_TIMEOUT_MILLIS = 5_000;

    /** How long a figure query waits for a free slot before the caller is told to retry. */
    private static final long HEAVY_QUERY_WAIT_SECONDS = 10;
    /** Uploads within this long of each other share one model rebuild. */
    private static final Duration REBUILD_QUIET = Duration.ofSeconds(1);

    private final ServerSettings settings;
    private final Javalin app;
    private final ModelRefresher refresher;
    private final OverviewWarmup warmup;

    public XiaoanServer(ServerSettings settings, ServerServices services) {
        this.settings = requireNonNull(settings, "settings");
        FigureService figures = services.figures();
        var access = new AccessControl(services.users(), services.sessions());
        var auth = new AuthController(
                services.users(), access, new LoginThrottle(settings.loginPolicy(), services.clock()));
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        var responses = new JsonResponses(json);
        ServerLimits limits = settings.limits();
        var exports = new Exports(services.clock());
        var sql = new SqlController(
                services.analystSql(),
                DataDictionary.load(),
                new RateLimiter(limits.sqlPerMinute(), Duration.ofMinutes(1), services.clock()),
                exports);
        // Uploads and rebuilds take the warehouse's one write lock, queueing behind each other and behind CLI writers.
        WarehouseLocks locks = services.locks().waitingAtMost(settings.lockWait());
        this.refresher = new ModelRefresher(
                new ModelBuilder(
                        services.warehouse(),
                        services.reference(),
                        services.clock(),
                        BuildEngineChoice.duckDb(),
                        locks,
                        new ModelRetention(
                                services.warehouse(), settings.keepVersions(), services.analystSql()::versionsInUse)),
                REBUILD_QUIET);
        Path incoming = services.warehouse().root().resolve("uploads").resolve(".incoming");
        var ingest = new IngestController(
                new Ingestor(services.warehouse(), services.reference(), locks, services.clock()),
                new BatchHistory(services.warehouse()),
                new BatchWithdrawer(services.warehouse(), services.clock(), locks),
                new ReportDateRule(services.clock()),
                new UploadReceiver(incoming, limits.maxUploadBytes()),
                new RateLimiter(limits.uploadsPerMinute(), Duration.ofMinutes(1), services.clock()),
                refresher);
        var templates = new TemplateController(services.warehouse(), services.reference());
        var schoolMoves = new SchoolMoveController(
                new SchoolMoves(services.warehouse(), services.reference(), services.clock(), locks), refresher);
        var gate = new HeavyQueryGate(limits.heavyQueries(), HEAVY_QUERY_WAIT_SECONDS);
        var analytics = new Analytics(figures, services.reference(), services.clock());
        var heatmap = new HeatmapController(figures, exports, responses);
        var health = new HealthController(figures);
        AreaMap area = AreaMap.shipped(services.reference().districts());
        var geo = new GeoController(area, figures, json);
        var catalog = new CatalogController(figures, responses);
        var names = new NamesController(services.reference(), responses);
        var figureTables = new FiguresController(
                figures, analytics.goals(), analytics.warnings(), exports, responses, services.warehouse());
        var campaigns = new CampaignsController(
                figures,
                analytics.goals(),
                analytics.stockFlow(),
                analytics.outlook(),
                analytics.supervisionGroups(),
                analytics.returns());
        this.warmup = new OverviewWarmup(figures, analytics.trends());
        var drill = new DrillController(
                figures,
                analytics.hazards(),
                analytics.trends(),
                analytics.schools(),
                exports,
                responses,
                new CodeNames(services.reference()));
        var hazardPages = new HazardController(figures, analytics.hazardHistory(), responses);
        var trust = new TrustController(figures, analytics.trust(), responses);
        var responsibilityList = new ResponsibilityController(
                figures, analytics.responsibilities(), exports, responses, new CodeNames(services.reference()));
        var reports = new ReportController(
                figures, analytics.reports(), services.clock(), new ReportMapSection(area, new ChoroplethPainter()));
        var accessLog = new AccessLog(json, services.clock());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.jetty.multipartConfig.cacheDirectory(incoming.toString());
            config.jetty.multipartConfig.maxFileSize(limits.maxUploadBytes(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(
                    limits.maxUploadBytes() + ServerLimits.MIB, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.requestLogger.http(accessLog::log);
            config.jsonMapper(new TimedJsonMapper(new JavalinJackson(json, false)));
            config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT_MILLIS));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dashboards";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ServerTimings::begin);
        app.before(RequestIds::assign);
        app.before(ctx -> refuseOversizedBody(ctx, limits));
        // Every route declares the roles it admits (AccessControl denies a route that declares none).
        app.beforeMatched(access::authorize);
        app.beforeMatched(ServerTimings::authorised);
        app.after(ServerTimings::end);
        var docs = new ApiDocsController();
        app.get("/openapi.json", docs::openApi, Role.PUBLIC);
        app.get("/api/docs", docs::page, Role.PUBLIC);
        app.get("/api/docs/init.js", docs::script, Role.PUBLIC);
        app.get("/api/v1/health", health::health, Role.PUBLIC);
        app.post("/api/v1/login", auth::login, Role.PUBLIC);
        app.post("/api/v1/logout", auth::logout, Role.PUBLIC);
        app.get("/api/v1/me", auth::me, Role.LEADER, Role.CLERK);
        app.post("/api/v1/users/{name}/password", auth::resetPassword, Role.ADMIN);
        app.get("/api/v1/meta", catalog::catalog, Role.LEADER, Role.CLERK);
        app.get("/api/v1/names", names::names, Role.LEADER, Role.CLERK);
        app.get("/api/v1/figures", gate.around(figureTables::figures), Role.LEADER);
        app.get("/api/v1/heatmap", gate.around(heatmap::heatmap), Role.LEADER);
        app.get("/api/v1/geo/area.json", geo::area, Role.LEADER);
        app.get("/api/v1/geo/map.png", gate.around(geo::picture), Role.LEADER);
        app.get("/api/v1/goals", gate.around(figureTables::goals), Role.LEADER);
        app.get("/api/v1/campaigns", campaigns::list, Role.LEADER);
        app.get("/api/v1/campaigns/{id}", campaigns::show, Role.LEADER);
        app.get("/api/v1/campaigns/{id}/goals", gate.around(campaigns::goals), Role.LEADER);
        app.get("/api/v1/campaigns/{id}/stock-flow", gate.around(campaigns::stockFlow), Role.LEADER);
        app.get("/api/v1/campaigns/{id}/outlook", gate.around(campaigns::outlook), Role.LEADER);
        app.get("/api/v1/campaigns/{id}/groups", gate.around(campaigns::groups), Role.LEADER);
        app.get("/api/v1/campaigns/{id}/returns", gate.around(campaigns::returns), Role.LEADER);
        app.get("/api/v1/warnings", gate.around(figureTables::warnings), Role.LEADER);
        app.get("/api/v1/warnings/{list}", gate.around(figureTables::warningList), Role.LEADER);
        app.get("/api/v1/trends", gate.around(drill::trends), Role.LEADER);
        app.get("/api/v1/hazards", gate.around(drill::hazards), Role.LEADER);
        app.get("/api/v1/hazards/{school}/{id}", gate.around(hazardPages::hazard), Role.LEADER);
        app.get("/api/v1/trust", gate.around(trust::audit), Role.LEADER);
        app.get("/api/v1/trust/schools/{code}", gate.around(trust::school), Role.LEADER);
        app.get("/api/v1/figures/compare", gate.around(figureTables::compare), Role.LEADER);
        app.get("/api/v1/figures/changes", gate.around(figureTables::changes), Role.LEADER);
        app.get("/api/v1/schools", gate.around(drill::ranking), Role.LEADER);
        app.get("/api/v1/schools/{code}", gate.around(drill::school), Role.LEADER);
        app.post("/api/v1/schools/{code}/move", schoolMoves::move, Role.ADMIN);
        app.get("/api/v1/reports/{kind}", gate.around(reports::report), Role.LEADER);
        app.get("/api/v1/exports/responsibility-list", gate.around(responsibilityList::list), Role.LEADER);
        app.post(UPLOAD_PATH, ingest::upload, Role.CLERK);
        app.get("/api/v1/templates/{dataset}.xlsx", templates::template, Role.CLERK, Role.LEADER);
        app.get("/api/v1/batches", ingest::list, Role.CLERK, Role.LEADER);
        app.get("/api/v1/batches/{id}", ingest::detail, Role.CLERK, Role.LEADER);
        app.get("/api/v1/batches/{id}/rejects", ingest::rejects, Role.CLERK, Role.LEADER);
        app.delete("/api/v1/batches/{id}", ingest::withdraw, Role.CLERK);
        app.post("/api/v1/sql", sql::run, Role.ANALYST);
        app.get("/api/v1/sql/schema", sql::schema, Role.ANALYST);
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            error(ctx, e.status(), e.code(), e.getMessage());
        });
        app.exception(
                Scope.ScopeViolation.class,
                (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN.getCode(), "out_of_scope", e.getMessage()));
        app.exception(
                ModelNotBuiltException.class,
                (e, ctx) -> error(
                        ctx,
                        HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                        "no_model",
                        "no model has been built yet: run bin/xiaoan build"));
        app.exception(
                QuestionTooLargeException.class,
                (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST.getCode(), "question_too_large", e.getMessage()));
        app.exception(
                ServingQueryTimeoutException.class,
                (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE.getCode(), "query_timeout", e.getMessage()));
        // a mistyped question keeps its own code (invalid_date, incomplete_period) on every route
        app.exception(
                QuestionTextException.class,
                (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST.getCode(), e.code(), e.getMessage()));
        app.exception(
                IllegalArgumentException.class,
                (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST.getCode(), "invalid_request", e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Request {} {} failed [{}]", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            error(
                    ctx,
                    HttpStatus.INTERNAL_SERVER_ERROR.getCode(),
                    "internal_error",
                    "The server failed to answer; the server log has the details under request id "
                            + RequestIds.of(ctx));
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            // A route's own 404 (e.g. an unknown school) has its body already; only unmatched paths get this one.
            if (ctx.path().startsWith("/api/") && ctx.attribute(ERROR_SENT) == null) {
                error(
                        ctx,
                        HttpStatus.NOT_FOUND.getCode(),
                        "not_found",
                        "No endpoint " + ctx.method() + " " + ctx.path()
                                + ": see /openapi.json for the endpoints, e.g. /api/v1/meta, /api/v1/figures,"
                                + " /api/v1/heatmap, /api/v1/sql");
            }
        });
    }

    private static final String ERROR_SENT = "xiaoan.error-sent";
    /** How often the server looks for a newly published model to compute the overview's answers for. */
    private static final Duration WARMUP_CHECK = Duration.ofSeconds(5);

    private static final String UPLOAD_PATH = "/api/v1/ingest/{dataset}";

    /** JSON bodies larger than the cap are refused before they are read; uploads have their own cap. */
    private static void refuseOversizedBody(Context ctx, ServerLimits limits) {
        if (ctx.path().startsWith("/api/v1/ingest/")) {
            return;
        }
        if (ctx.req().getContentLengthLong() > limits.maxBodyBytes()) {
            throw new ApiException(
                    413,
                    "body_too_large",
                    "The request body is larger than " + limits.maxBodyBytes() / 1024 + " KiB / 请求内容过大");
        }
    }

    /** Starts listening on the configured address; returns this server for chaining. */
    public XiaoanServer start() {
        app.start(settings.host(), settings.port());
        LOG.info("Listening on http://{}:{}/", settings.host(), port());
        warmup.start(WARMUP_CHECK);
        return this;
    }

    /** Every endpoint as {@code METHOD path} (e.g. {@code GET /api/v1/heatmap}), to check the OpenAPI document. */
    List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .filter(handler -> handler.getEndpoint().getMethod().isHttpMethod())
                .map(handler -> handler.getEndpoint().getMethod().name() + " "
                        + handler.getEndpoint().getPath())
                .sorted()
                .toList();
    }

    /** The model version whose overview answers have been computed ahead (for tests and benchmarks). */
    public Optional<Long> warmedVersion() {
        return warmup.warmedVersion();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Stops accepting requests and lets running ones finish (up to five seconds). */
    @Override
    public void close() {
        try (refresher;
                warmup) {
            app.stop();
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.attribute(ERROR_SENT, Boolean.TRUE);
        ctx.status(status).json(new ApiError(code, message, RequestIds.of(ctx)));
    }
}
