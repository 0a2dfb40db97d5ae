package cn.xiaoan.analytics.serving;

import java.time.Duration;

/** A serving statement ran past its time limit and was cancelled; the server is fine, the question was too slow. */
public final class ServingQueryTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServingQueryTimeoutException(String what, Duration timeout, Throwable cause) {
        super(
                "查询超过 " + timeout.toMillis() / 1000.0 + " 秒已取消，请缩小问题范围（减少分组、增加筛选或缩短时间段）后重试"
                        + " / The query (" + what + ") was cancelled after " + timeout.toMillis()
                        + " ms; narrow the question (fewer breakdowns, a filter, a shorter range) and retry",
                cause);
    }
}
