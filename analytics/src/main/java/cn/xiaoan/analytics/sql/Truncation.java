package cn.xiaoan.analytics.sql;

/** Whether an analyst's result was cut short, and by which cap; the messages say how to get the rest. */
public enum Truncation {
    NONE("", ""),
    MAX_ROWS("结果超过最大行数，已截断：请提高行数上限或缩小查询范围", "more rows than the row cap: raise the cap or narrow the query"),
    MAX_BYTES(
            "结果内容超过 " + QueryLimits.DEFAULT_MAX_BYTES / (1024 * 1024) + " MiB 上限，已截断：请只选需要的列、增加筛选或分批查询",
            "more cell text than the byte cap: select fewer columns, filter, or page with LIMIT/OFFSET");

    private final String messageZh;
    private final String messageEn;

    Truncation(String messageZh, String messageEn) {
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
    }

    /** The reason as the API and the query log name it: {@code max_rows}, {@code max_bytes}; empty when whole. */
    public String code() {
        return this == NONE ? "" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
