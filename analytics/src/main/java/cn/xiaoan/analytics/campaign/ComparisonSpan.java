package cn.xiaoan.analytics.campaign;

/** Which part of the reference measure's period a measure is compared with. */
public enum ComparisonSpan {
    /** The reference measure over its whole period (up to the as-of date). */
    WHOLE_PERIOD("whole_period"),
    /**
     * Like for like: the reference measure over the same span of its period as the measure has run so far (2025 to
     * 3 March against 2024 to 3 March), so a year in progress is not compared with a whole year.
     */
    SAME_SPAN_TO_DATE("same_span_to_date");

    private final String code;

    ComparisonSpan(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
