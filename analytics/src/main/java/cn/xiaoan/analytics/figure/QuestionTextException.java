package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

/**
 * A question typed wrongly: a stable code per kind of mistake ({@code invalid_date}, {@code incomplete_period}) for
 * the HTTP API's error body, and a message naming the parameter as the caller wrote it.
 */
public final class QuestionTextException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String code;

    QuestionTextException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
