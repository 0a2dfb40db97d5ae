package cn.xiaoan.api.server;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Response headers for a file the browser saves, with a Chinese file name that survives every browser. */
final class Downloads {
    private Downloads() {}

    static void attachment(Context ctx, String fileName, String contentType) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        ctx.contentType(contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
        ctx.header("X-Content-Type-Options", "nosniff");
    }
}
