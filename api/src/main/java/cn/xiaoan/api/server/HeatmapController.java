package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.Heatmap;
import cn.xiaoan.analytics.service.HeatmapRequest;
import cn.xiaoan.api.export.ExportFormat;
import cn.xiaoan.api.export.FigureExports;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

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
        // period, as-of date and filters as for /api/v1/figures; rows and columns are its breakdown
        Question question = Scoping.scoped(
                parameters.questionOfTotals(), AccessControl.principal(ctx).scope());
        Heatmap heatmap = figures.heatmap(
                figures.snapshot(parameters.knowledge()),
                new HeatmapRequest(rows, columns, metric, question.asOf(), question.period(), question.filters()));
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
