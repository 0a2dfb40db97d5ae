package cn.xiaoan.analytics.service;

/**
 * Which rows of a warning list to show: {@code limit} rows from the 0-based {@code offset}, in the list's own order
 * (the most urgent first), so a leader sees the first page at once and asks for the next ones.
 */
public record WarningPage(int offset, int limit) {
    /** Rows of each list on the warnings page unless a caller asks for another number. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most rows one page may hold: more is an export, not a page. */
    public static final int MAX_LIMIT = 500;

    public WarningPage {
        if (offset < 0) {
            throw new IllegalArgumentException("Cannot start a warning list at row " + offset
                    + ": the offset is 0 or more / 预警清单的起始行（offset）须为 0 或正整数");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "Cannot show " + limit + " rows of a warning list: choose a limit of 1 to " + MAX_LIMIT
                            + " / 预警清单每页行数（limit）须在 1 到 " + MAX_LIMIT + " 之间");
        }
    }

    /** The first {@link #DEFAULT_LIMIT} rows. */
    public static WarningPage first() {
        return new WarningPage(0, DEFAULT_LIMIT);
    }

    /** The page after this one, of the same size. */
    public WarningPage next() {
        return new WarningPage(offset + limit, limit);
    }
}
