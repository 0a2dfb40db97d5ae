package cn.xiaoan.api.server;

import static java.util.Objects.requireNonNull;

/** The JSON body of every error: a stable code, a message that says what to do, and the id to find it in the log. */
record ApiError(String code, String message, String requestId) {
    ApiError {
        requireNonNull(code, "code");
        requireNonNull(message, "message");
        requireNonNull(requestId, "requestId");
    }
}
