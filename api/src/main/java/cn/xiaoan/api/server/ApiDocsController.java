package cn.xiaoan.api.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code /openapi.json}, the API's OpenAPI 3 description, and {@code /api/docs}, a browsable view of it. */
final class ApiDocsController {
    static final String OPENAPI_RESOURCE = "/cn/xiaoan/api/openapi.json";

    private final byte[] openApi = resource(OPENAPI_RESOURCE);
    private final byte[] page = resource("/cn/xiaoan/api/api-docs.html");
    private final byte[] script = resource("/cn/xiaoan/api/api-docs.js");

    void openApi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(openApi);
    }

    void page(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    // the page loads its script from the server (no inline script), so a strict Content-Security-Policy holds
    void script(Context ctx) {
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }

    static byte[] resource(String name) {
        try (InputStream in = ApiDocsController.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The application jar lacks " + name + "; rebuild it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
