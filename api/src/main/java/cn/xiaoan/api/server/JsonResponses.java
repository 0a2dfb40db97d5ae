package cn.xiaoan.api.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * JSON answers written straight to UTF-8 bytes: {@code ctx.json} builds a String and encodes it again, which for the
 * Chinese names in every heatmap was the largest cost of a cached answer.
 */
final class JsonResponses {
    private final ObjectMapper mapper;

    JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void send(Context ctx, Object body) throws JsonProcessingException {
        long started = System.nanoTime();
        byte[] bytes = mapper.writeValueAsBytes(body);
        ServerTimings.serialised(started);
        ctx.contentType(ContentType.APPLICATION_JSON).result(bytes);
    }

    /** A body that never changes, serialised once. */
    byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "Cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }
}
