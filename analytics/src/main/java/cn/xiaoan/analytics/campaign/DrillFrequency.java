package cn.xiaoan.analytics.campaign;

/** How often a school type must hold an emergency drill (应急疏散演练). */
public enum DrillFrequency {
    MONTHLY("monthly"),
    QUARTERLY("quarterly"),
    PER_TERM("per_term");

    private final String code;

    DrillFrequency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
