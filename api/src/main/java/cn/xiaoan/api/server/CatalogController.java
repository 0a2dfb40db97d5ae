package cn.xiaoan.api.server;

import io.javalin.http.ContentType;
import io.javalin.http.Context;

/** {@code GET /api/v1/meta}: the figures and dimensions the API knows, with their Chinese and English names. */
final class CatalogController {
    private final byte[] catalog;

    CatalogController(JsonResponses json) {
        this.catalog = json.bytes(JsonBodies.CatalogBody.of());
    }

    void catalog(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(catalog);
    }
}
