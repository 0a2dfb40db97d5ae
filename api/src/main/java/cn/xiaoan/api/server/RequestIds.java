package cn.xiaoan.api.server;

import io.javalin.http.Context;
import java.util.UUID;

/** Gives every request an id, returned in {@code X-Request-Id} and in error bodies, and written to the log. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "xiaoan.requestId";

    private RequestIds() {}

    static void assign(Context ctx) {
        String id = UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "none";
    }
}
