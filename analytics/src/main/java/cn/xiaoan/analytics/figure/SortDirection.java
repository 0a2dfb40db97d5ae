package cn.xiaoan.analytics.figure;

import java.util.Locale;

/** Ascending or descending; its SQL keyword is the only text it puts into a query. */
public enum SortDirection {
    ASC("asc"),
    DESC("desc");

    private final String keyword;

    SortDirection(String keyword) {
        this.keyword = keyword;
    }

    public String keyword() {
        return keyword;
    }

    public static SortDirection fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (SortDirection direction : values()) {
            if (direction.keyword.equals(wanted)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("Cannot sort \"" + code + "\": expected asc or desc");
    }
}
