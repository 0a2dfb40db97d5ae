package cn.xiaoan.api.server;

import cn.xiaoan.analytics.service.FigureService;
import io.javalin.http.Context;

/** {@code GET /api/v1/health}: the server is up, and which model version it serves (none before a build). */
final class HealthController {
    private final FigureService figures;

    HealthController(FigureService figures) {
        this.figures = figures;
    }

    void health(Context ctx) {
        ctx.json(figures.modelVersion()
                .map(version -> new JsonBodies.HealthBody("ok", JsonBodies.VersionBody.of(version), null))
                .orElseGet(() ->
                        new JsonBodies.HealthBody("ok", null, "no model has been built yet: run bin/xiaoan build")));
    }
}
