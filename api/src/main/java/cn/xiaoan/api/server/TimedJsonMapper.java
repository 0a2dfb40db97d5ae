package cn.xiaoan.api.server;

import io.javalin.json.JsonMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.stream.Stream;

/** Javalin's JSON mapper, its {@code ctx.json} serialisations counted in the request's {@link ServerTimings}. */
final class TimedJsonMapper implements JsonMapper {
    private final JsonMapper delegate;

    TimedJsonMapper(JsonMapper delegate) {
        this.delegate = delegate;
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        long started = System.nanoTime();
        String json = delegate.toJsonString(obj, type);
        ServerTimings.serialised(started);
        return json;
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return delegate.toJsonStream(obj, type);
    }

    @Override
    public void writeToOutputStream(Stream<?> stream, OutputStream outputStream) {
        delegate.writeToOutputStream(stream, outputStream);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return delegate.fromJsonString(json, targetType);
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        return delegate.fromJsonStream(json, targetType);
    }
}
