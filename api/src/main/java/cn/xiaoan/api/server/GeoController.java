package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.api.auth.Scope;
import cn.xiaoan.api.geo.AreaMap;
import cn.xiaoan.api.geo.ChoroplethPainter;
import cn.xiaoan.api.geo.ChoroplethShading;
import cn.xiaoan.api.geo.FigureValueFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code GET /api/v1/geo/area.json}: the districts' outlines (GeoJSON keyed by district code) for the dashboards' map;
 * {@code GET /api/v1/geo/map.png}: the same map shaded by one figure, drawn on the server for documents. A district
 * user gets only their own county.
 */
final class GeoController {
    private static final int DEFAULT_WIDTH = 1200;
    private static final int DEFAULT_HEIGHT = 900;

    private final AreaMap map;
    private final FigureService figures;
    private final ObjectMapper json;
    private final ChoroplethPainter painter = new ChoroplethPainter();

    GeoController(AreaMap map, FigureService figures, ObjectMapper json) {
        this.map = map;
        this.figures = figures;
        this.json = json;
    }

    void area(Context ctx) throws IOException {
        Scope scope = AccessControl.principal(ctx).scope();
        // outlines change only with a new release: let the browser keep them for the session's working day
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.contentType("application/geo+json; charset=utf-8")
                .result(json.writeValueAsBytes(map.featureCollection(code -> visible(scope, code), json)));
    }

    void picture(Context ctx) {
        var parameters = new QueryParameters(ctx);
        Figure figure = parameters
                .text("figure")
                .map(code -> {
                    try {
                        return Figure.fromCode(code);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest(
                                "unknown_figure", "Unknown figure \"" + code + "\": use one of " + Figure.codes());
                    }
                })
                .orElse(Figure.RISK_INDEX);
        int width = parameters.integer("width").orElse(DEFAULT_WIDTH);
        int height = parameters.integer("height").orElse(DEFAULT_HEIGHT);
        boolean english = "en".equals(parameters.text("lang").orElse("zh"));
        Scope scope = AccessControl.principal(ctx).scope();
        Question question = Scoping.scoped(parameters.questionOfTotals().by(List.of(Dimension.DISTRICT)), scope);
        FigureTable table = figures.figures(figures.snapshot(parameters.knowledge()), question);
        var values = new LinkedHashMap<String, Double>();
        for (FigureRow row : table.rows()) {
            values.put(row.keys().get(0), row.value(figure));
        }
        String title = english ? figure.nameEn() + " by district" : "各县区" + figure.nameZh();
        String note = english
                ? "As of " + table.asOf() + " · period " + table.period().from() + " to "
                        + table.period().to() + " · model v"
                        + table.modelVersion().version()
                : "截至 " + table.asOf() + " · 统计期 " + table.period().from() + " 至 "
                        + table.period().to() + " · 模型 v" + table.modelVersion().version();
        var shading = new ChoroplethShading(
                title, note, values, FigureValueFormat.of(figure.unit()), english ? "n/a" : "无法计算");
        AreaMap shown = map.restrictedTo(code -> visible(scope, code));
        byte[] png;
        try {
            png = painter.png(shown, shading, width, height);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_size", e.getMessage());
        }
        ctx.header("X-Model-Version", Long.toString(table.modelVersion().version()));
        ctx.contentType("image/png").result(png);
    }

    private static boolean visible(Scope scope, String code) {
        return scope.district().map(code::equals).orElse(true);
    }
}
