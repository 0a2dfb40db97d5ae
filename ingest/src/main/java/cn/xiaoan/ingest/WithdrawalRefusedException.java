package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

/** A withdrawal that was not made; {@link #why()} says which rule refused it, the message says it in zh/en. */
public final class WithdrawalRefusedException extends RuntimeException {
    /** Why a withdrawal was refused. */
    public enum Why {
        /** No committed batch has that id. */
        NO_SUCH_BATCH,
        /** The batch was withdrawn before. */
        ALREADY_WITHDRAWN,
        /** A district clerk asked for a batch someone else sent. */
        NOT_THE_SENDER,
        /** A district clerk asked for a batch that a later one of the same dataset and district follows. */
        NOT_THE_LATEST
    }

    private final Why why;

    WithdrawalRefusedException(Why why, String message) {
        super(message);
        this.why = requireNonNull(why, "why");
    }

    public Why why() {
        return why;
    }
}
