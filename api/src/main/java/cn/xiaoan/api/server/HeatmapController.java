package cn.xiaoan.api.server;

import cn.xiaoan.analytics.Dimension;
import cn.xiaoan.analytics.Figure;
import cn.xiaoan.analytics.FigureQuestionText;
import cn.xiaoan.analytics.FigureService;
import cn.xiaoan.analytics.Heatmap;
import cn.xiaoan.analytics.HeatmapRequest;
import cn.xiaoan.analytics.Period;
import cn.xiaoan.api.export.ExportFormat;
import cn.xiaoan.api.export.FigureExports;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET /api/v1/heatmap}: a figure by two dimensions, defaulting to the risk index by district × category. */
final class HeatmapController {
    private final FigureService figures;
    private final Exports exports;
    private final JsonResponses json;

    HeatmapController(FigureService figures, Exports exports, JsonResponses json) {
        this.json = json;
        this.figures = figures;
        this.exports = exports;
    }

    void heatmap(Context ctx) throws IOException {
        Optional<ExportFormat> export = Exports.requested(ctx.queryParam("format"));
        var parameters = new QueryParameters(ctx);
        Dimension rows = dimension(parameters, "rows", Dimension.DISTRICT);
        Dimension columns = dimension(parameters, "columns", Dimension.CATEGORY);
        Figure metric = parameters
                .text("metric")
                .map(code -> parse(
                        () -> Figure.fromCode(code),
                        "unknown_metric",
                        "Unknown metric \"" + code + "\": use one of " + Figure.codes()))
                .orElse(Figure.RISK_INDEX);
        Optional<LocalDate> asOf = parameters.date("asOf");
        Optional<LocalDate> from = parameters.date("from");
        Optional<LocalDate> to = parameters.date("to");
        if (from.isPresent() != to.isPresent()) {
            throw ApiException.badRequest(
                    "incomplete_period",
                    "Give both from and to (YYYY-MM-DD), or neither: the period then runs from 1 January of the"
                            + " as-of date's year to the as-of date");
        }
        Optional<Period> period = from.map(start -> new Period(start, to.orElseThrow()));
        // filter=dimension=code[,code…], as for /api/v1/figures
        Map<Dimension, Set<String>> filters = FigureQuestionText.parse(
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), ctx.queryParams("filter"))
                .filters();
        var request = new HeatmapRequest(rows, columns, metric, asOf, period, filters);
        Heatmap heatmap = figures.heatmap(
                Scoping.scoped(request, AccessControl.principal(ctx).scope()));
        if (export.isPresent()) {
            exports.send(
                    ctx,
                    FigureExports.heatmap(heatmap),
                    export.get(),
                    Exports.describe(ctx),
                    heatmap.modelVersion(),
                    "热力图");
        } else {
            json.send(ctx, JsonBodies.HeatmapBody.of(heatmap));
        }
    }

    private static Dimension dimension(QueryParameters parameters, String name, Dimension fallback) {
        return parameters
                .text(name)
                .map(code -> parse(
                        () -> Dimension.fromCode(code),
                        "unknown_dimension",
                        "Unknown " + name + " dimension \"" + code + "\": use one of " + Dimension.codes()))
                .orElse(fallback);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String code, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(code, message);
        }
    }
}
