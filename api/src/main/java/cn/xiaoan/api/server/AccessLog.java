package cn.xiaoan.api.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One JSON line per request on the {@code xiaoan.access} logger: who asked what, the answer's status and time. */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("xiaoan.access");

    private final ObjectMapper json;
    private final Clock clock;

    AccessLog(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    record Entry(
            String time,
            String requestId,
            String method,
            String path,
            String query,
            int status,
            double millis,
            String user,
            String remote,
            String userAgent) {}

    void log(Context ctx, Float millis) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        var entry = new Entry(
                OffsetDateTime.now(clock).toString(),
                RequestIds.of(ctx),
                ctx.method().name(),
                ctx.path(),
                ctx.queryString(),
                ctx.statusCode(),
                Math.round(millis * 100.0) / 100.0,
                AccessControl.optionalPrincipal(ctx).map(p -> p.username()).orElse(null),
                ctx.ip(),
                ctx.userAgent());
        try {
            LOG.info(json.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            LOG.warn("Cannot write the access log entry of request {}", entry.requestId(), e);
        }
    }
}
