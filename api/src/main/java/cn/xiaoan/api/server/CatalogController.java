package cn.xiaoan.api.server;

import io.javalin.http.Context;

/** {@code GET /api/v1/meta}: the figures and dimensions the API knows, with their Chinese and English names. */
final class CatalogController {
    private final JsonBodies.CatalogBody catalog = JsonBodies.CatalogBody.of();

    void catalog(Context ctx) {
        ctx.json(catalog);
    }
}
