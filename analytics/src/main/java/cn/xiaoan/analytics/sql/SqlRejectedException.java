package cn.xiaoan.analytics.sql;

import static java.util.Objects.requireNonNull;

/** An analyst statement that was refused or failed; the message is Chinese then English and says what to do. */
public final class SqlRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; {@link #code()} is what the API reports. */
    public enum Reason {
        /** Not SQL DuckDB can parse. */
        SYNTAX,
        /** Zero or more than one statement. */
        NOT_ONE_STATEMENT,
        /** Not a SELECT-like statement (COPY, ATTACH, SET, PRAGMA, INSTALL, CREATE …). */
        NOT_READ_ONLY,
        /** A function analysts may not call (file readers, settings, query strings). */
        FORBIDDEN_FUNCTION,
        /** DuckDB refused to touch a file outside the scope, or a locked setting. */
        ACCESS_DENIED,
        /** The statement ran but failed (unknown table or column, type error …). */
        QUERY_FAILED,
        /** Cancelled at the time limit. */
        TIMEOUT,
        /** Every query slot stayed busy for the whole time limit. */
        BUSY;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;
    private final String messageZh;
    private final String messageEn;

    public SqlRejectedException(Reason reason, String messageZh, String messageEn) {
        super(requireNonNull(messageZh, "messageZh") + " / " + requireNonNull(messageEn, "messageEn"));
        this.reason = requireNonNull(reason, "reason");
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public Reason reason() {
        return reason;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }
}
