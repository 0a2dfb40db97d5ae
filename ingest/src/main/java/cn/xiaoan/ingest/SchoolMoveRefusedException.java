package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

/** A school move that was refused; nothing was written. The message is Chinese, then English after " / ". */
public final class SchoolMoveRefusedException extends RuntimeException {
    /** Why a move was refused. */
    public enum Why {
        UNKNOWN_SCHOOL,
        UNKNOWN_DISTRICT,
        ALREADY_THERE,
        BAD_EFFECTIVE_DATE,
        NO_REASON
    }

    private final Why why;

    SchoolMoveRefusedException(Why why, String messageZh, String messageEn) {
        super(messageZh + " / " + messageEn);
        this.why = requireNonNull(why, "why");
    }

    public Why why() {
        return why;
    }
}
