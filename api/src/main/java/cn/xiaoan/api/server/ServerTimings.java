package cn.xiaoan.api.server;

import cn.xiaoan.analytics.serving.RequestTimings;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * A {@code Server-Timing} answer for requests that ask for one with {@code X-Xiaoan-Timing: 1} (what {@code bench
 * questions} reads): where the server's time went, in milliseconds, from the request's first handler to its last:
 * {@code auth} (session or token), {@code parse} (reading the question until its first statement), {@code plan}
 * (preparing the SQL), {@code execute} (running it and reading the rows), {@code shape} (the Java between and after
 * the statements that builds the answer), {@code serialise} (JSON), and {@code total}. Requests that do not ask pay a
 * header lookup and nothing else.
 */
final class ServerTimings {
    static final String REQUEST_HEADER = "X-Xiaoan-Timing";
    static final String RESPONSE_HEADER = "Server-Timing";
    private static final String AUTHORISED = "xiaoan.timing.authorised";

    private ServerTimings() {}

    /** First of every request: starts recording when asked, else clears what a previous request left. */
    static void begin(Context ctx) {
        if (ctx.header(REQUEST_HEADER) != null) {
            RequestTimings.begin();
        } else {
            RequestTimings.end();
        }
    }

    /** After access control: the end of {@code auth}. */
    static void authorised(Context ctx) {
        if (RequestTimings.current() != null) {
            ctx.attribute(AUTHORISED, System.nanoTime());
        }
    }

    /** Last of every request, before the body is written: the header, and the recorder cleared. */
    static void end(Context ctx) {
        RequestTimings timings = RequestTimings.current();
        if (timings == null) {
            return;
        }
        try {
            long now = System.nanoTime();
            Long authorisedAt = ctx.attribute(AUTHORISED);
            long handlerStart = authorisedAt != null ? authorisedAt : timings.startedNanos();
            long total = now - timings.startedNanos();
            long auth = handlerStart - timings.startedNanos();
            long parseEnd = timings.firstQueryNanos() >= 0
                    ? timings.firstQueryNanos()
                    : Math.max(handlerStart, now - timings.serialiseNanos());
            long parse = Math.max(0, parseEnd - handlerStart);
            long shape = Math.max(
                    0, total - auth - parse - timings.planNanos() - timings.executeNanos() - timings.serialiseNanos());
            ctx.header(
                    RESPONSE_HEADER,
                    metric("auth", auth)
                            + ", " + metric("parse", parse)
                            + ", " + metric("plan", timings.planNanos())
                            + ", " + metric("execute", timings.executeNanos())
                            + ", " + metric("shape", shape)
                            + ", " + metric("serialise", timings.serialiseNanos())
                            + ", " + metric("total", total)
                            + ", statements;desc=\"" + timings.statements() + "\"");
        } finally {
            RequestTimings.end();
        }
    }

    /** Times a serialisation into the request's recorder, if any. */
    static void serialised(long startedNanos) {
        RequestTimings timings = RequestTimings.current();
        if (timings != null) {
            timings.serialised(System.nanoTime() - startedNanos);
        }
    }

    private static String metric(String name, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.3f", name, nanos / 1e6);
    }
}
