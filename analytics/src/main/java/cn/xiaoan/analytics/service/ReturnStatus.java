package cn.xiaoan.analytics.service;

/** How a school stands on one period of a campaign return (the colours of the returns calendar). */
public enum ReturnStatus {
    ON_TIME("按时报送", "On time"),
    NIL("零报告", "Nil return"),
    LATE("逾期报送", "Late"),
    MISSING("未报送", "Missing"),
    NOT_DUE("未到期", "Not due yet");

    private final String nameZh;
    private final String nameEn;

    ReturnStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
