package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

/** A request the API refuses, with the HTTP status, a stable error code and a message that says what to do. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    /** Seconds the caller should wait before retrying ({@code Retry-After}); 0 when not said. */
    private final long retryAfterSeconds;

    ApiException(int status, String code, String message) {
        this(status, code, message, 0);
    }

    ApiException(int status, String code, String message, long retryAfterSeconds) {
        super(requireNonNull(message, "message"));
        this.status = status;
        this.code = requireNonNull(code, "code");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
