package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

/** A request the API refuses, with the HTTP status, a stable error code and a message that says what to do. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(requireNonNull(message, "message"));
        this.status = status;
        this.code = requireNonNull(code, "code");
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
}
