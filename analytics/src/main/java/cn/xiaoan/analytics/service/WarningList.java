package cn.xiaoan.analytics.service;

import java.util.List;

/**
 * One page of a warning list: {@code rows} from {@code offset} (at most {@code limit} of them) out of the {@code total}
 * entries the whole list has at the question's as-of date, in the list's order.
 */
public record WarningList<T>(int total, int offset, int limit, List<T> rows) {
    public WarningList {
        if (total < 0 || offset < 0 || limit < 1) {
            throw new IllegalArgumentException(
                    "Cannot page " + total + " warnings from " + offset + " by " + limit + ": all must be positive");
        }
        rows = List.copyOf(rows);
        if (rows.size() > limit) {
            throw new IllegalArgumentException("Cannot hold " + rows.size() + " rows on a page of " + limit);
        }
    }

    /** A list with no entries at all, e.g. silent schools before any return was due. */
    public static <T> WarningList<T> empty(WarningPage page) {
        return new WarningList<>(0, page.offset(), page.limit(), List.of());
    }

    /** Whether rows follow this page. */
    public boolean hasNext() {
        return offset + rows.size() < total;
    }
}
