package cn.xiaoan.analytics.service;

/** Where a district stands on a campaign goal at the as-of date. */
public enum GoalStatus {
    /** Judged at the deadline: met. */
    MET("已完成", "Met"),
    /** Judged at the deadline: not met. */
    NOT_MET("未完成", "Not met"),
    /** Before the deadline, and the numbers so far would meet it. */
    ON_TRACK("进展正常", "On track"),
    /** Before the deadline, and the numbers so far would not meet it. */
    AT_RISK("存在风险", "At risk");

    private final String nameZh;
    private final String nameEn;

    GoalStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    static GoalStatus of(boolean judged, boolean satisfied) {
        if (judged) {
            return satisfied ? MET : NOT_MET;
        }
        return satisfied ? ON_TRACK : AT_RISK;
    }
}
