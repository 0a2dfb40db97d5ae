package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.figure.SortDirection;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.HazardListService;
import cn.xiaoan.analytics.service.HazardPage;
import cn.xiaoan.analytics.service.HazardQuery;
import cn.xiaoan.analytics.service.HazardSort;
import cn.xiaoan.analytics.service.HazardState;
import cn.xiaoan.analytics.service.SchoolProfile;
import cn.xiaoan.analytics.service.SchoolProfileService;
import cn.xiaoan.analytics.service.Trend;
import cn.xiaoan.analytics.service.TrendRequest;
import cn.xiaoan.analytics.service.TrendService;
import cn.xiaoan.analytics.service.UnknownSchoolException;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.export.CodeNames;
import cn.xiaoan.api.export.DrillExports;
import cn.xiaoan.api.export.ExportFormat;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drill-down: {@code GET /api/v1/hazards} (the hazards behind a figure's cell, paged, or all of them up to
 * {@link #MAX_EXPORT_ROWS} as CSV/XLSX), {@code GET /api/v1/trends} (figures over time) and
 * {@code GET /api/v1/schools/{code}} (a school page). A district user's scope is applied in the SQL whatever the
 * request asks; asking for another district by filter is refused (403) as everywhere else.
 */
final class DrillController {
    /** An export holds at most this many hazards (the title says when the list was longer). */
    static final int MAX_EXPORT_ROWS = 50_000;

    private final FigureService figures;
    private final HazardListService hazards;
    private final TrendService trends;
    private final SchoolProfileService schools;
    private final Exports exports;
    private final JsonResponses json;
    private final CodeNames names;

    DrillController(
            FigureService figures,
            HazardListService hazards,
            TrendService trends,
            SchoolProfileService schools,
            Exports exports,
            JsonResponses json,
            CodeNames names) {
        this.names = names;
        this.figures = figures;
        this.hazards = hazards;
        this.trends = trends;
        this.schools = schools;
        this.exports = exports;
        this.json = json;
    }

    void hazards(Context ctx) throws IOException {
        Optional<ExportFormat> export = Exports.requested(ctx.queryParam("format"));
        var parameters = new QueryParameters(ctx);
        Scope scope = AccessControl.principal(ctx).scope();
        HazardQuery query = new HazardQuery(
                parameters.period(),
                parameters.asOf(),
                Scoping.scoped(parameters.filters(), scope),
                codes(ctx.queryParams("school")),
                parameters.text("state").map(HazardState::fromCode).orElse(HazardState.ALL),
                parameters.text("q").orElse(""),
                parameters.text("sort").map(HazardSort::fromCode).orElse(HazardSort.FOUND_DATE),
                parameters.text("order").map(SortDirection::fromCode).orElse(SortDirection.DESC),
                parameters.integer("page").orElse(1),
                parameters.integer("size").orElse(HazardQuery.DEFAULT_SIZE));
        if (parameters.text("supervised").map(Boolean::parseBoolean).orElse(false)) {
            query = query.supervised(true);
        }
        ModelSnapshot snapshot = figures.snapshot(parameters.knowledge());
        if (export.isPresent()) {
            HazardPage all = hazards.first(snapshot, query, Scoping.districts(scope), MAX_EXPORT_ROWS);
            exports.send(
                    ctx,
                    DrillExports.hazards(all, names),
                    export.get(),
                    Exports.describe(ctx),
                    all.modelVersion(),
                    "隐患清单");
        } else {
            json.send(ctx, DrillBodies.HazardPageBody.of(hazards.list(snapshot, query, Scoping.districts(scope))));
        }
    }

    void trends(Context ctx) throws IOException {
        Optional<ExportFormat> export = Exports.requested(ctx.queryParam("format"));
        var parameters = new QueryParameters(ctx);
        Scope scope = AccessControl.principal(ctx).scope();
        List<Figure> shown = figures(ctx.queryParams("figure"));
        TimeGrain grain = parameters.text("grain").map(TimeGrain::fromCode).orElse(TimeGrain.MONTH);
        Optional<LocalDate> asOf = parameters.asOf();
        List<Dimension> by = parameters.by();
        Map<Dimension, Set<String>> filters = Scoping.scoped(parameters.filters(), scope);
        // one model version for the range's default end and every point
        ModelSnapshot snapshot = figures.snapshot(parameters.knowledge());
        var request = new TrendRequest(grain, trendRange(parameters, asOf, snapshot), asOf, by, filters);
        Trend trend = trends.trend(snapshot, request, Set.copyOf(shown));
        if (export.isPresent()) {
            exports.send(
                    ctx,
                    DrillExports.trend(trend, shown),
                    export.get(),
                    Exports.describe(ctx),
                    trend.modelVersion(),
                    "趋势");
        } else {
            json.send(ctx, DrillBodies.TrendBody.of(trend, shown));
        }
    }

    /** {@code GET /api/v1/schools}: the schools whose open hazards weigh most (the overview's riskiest schools). */
    void ranking(Context ctx) throws IOException {
        var parameters = new QueryParameters(ctx);
        Scope scope = AccessControl.principal(ctx).scope();
        json.send(
                ctx,
                schools.riskiest(
                        figures.snapshot(parameters.knowledge()),
                        parameters.asOf(),
                        Scoping.scoped(parameters.filters(), scope),
                        parameters.integer("limit").orElse(10),
                        Scoping.districts(scope)));
    }

    void school(Context ctx) throws IOException {
        var parameters = new QueryParameters(ctx);
        String code = ctx.pathParam("code");
        try {
            SchoolProfile profile = schools.profile(
                    figures.snapshot(parameters.knowledge()),
                    code,
                    parameters.asOf(),
                    Scoping.districts(AccessControl.principal(ctx).scope()));
            json.send(ctx, DrillBodies.SchoolBody.of(profile));
        } catch (UnknownSchoolException e) {
            throw ApiException.notFound(
                    "unknown_school",
                    "No school " + code + " in the register within your scope / 辖区内无此学校: check the school code"
                            + " (10 digits) in /api/v1/hazards or the register");
        }
    }

    /** A trend's range: like a period, except that {@code from} alone runs to the as-of date. */
    private static Optional<Period> trendRange(
            QueryParameters parameters, Optional<LocalDate> asOf, ModelSnapshot snapshot) {
        Optional<LocalDate> from = parameters.date("from");
        if (from.isPresent() && parameters.date("to").isEmpty()) {
            LocalDate to = snapshot.dates(Optional.empty(), asOf).asOf();
            if (from.get().isAfter(to)) {
                throw ApiException.badRequest(
                        "invalid_period", "from " + from.get() + " is after the as-of date " + to + " / 起始日期晚于统计日期");
            }
            return Optional.of(new Period(from.get(), to));
        }
        return parameters.period();
    }

    /** {@code figure=open&figure=found} or {@code figure=open,found}; every figure when none is named. */
    private static List<Figure> figures(List<String> texts) {
        var figures = new ArrayList<Figure>();
        for (String code : codes(texts)) {
            figures.add(Figure.fromCode(code));
        }
        return figures.isEmpty() ? List.of(Figure.values()) : figures;
    }

    private static Set<String> codes(List<String> texts) {
        var codes = new java.util.LinkedHashSet<String>();
        for (String text : texts) {
            for (String code : text.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }
}
