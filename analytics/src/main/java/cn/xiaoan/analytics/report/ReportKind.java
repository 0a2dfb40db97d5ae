package cn.xiaoan.analytics.report;

import java.util.Locale;

/**
 * The reports a bureau writes: the annual work summary, a campaign's evaluation (titled by the campaign's name; the
 * titles here are the primary campaign's), the monthly brief.
 */
public enum ReportKind {
    ANNUAL("annual", "学校安全隐患排查整治工作总结", "Annual work summary"),
    CAMPAIGN("campaign", "学校安全治本攻坚三年行动评估报告", "Three-year campaign evaluation report"),
    MONTHLY("monthly", "学校安全隐患排查整治月报", "Monthly brief");

    private final String code;
    private final String titleZh;
    private final String titleEn;

    ReportKind(String code, String titleZh, String titleEn) {
        this.code = code;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public String code() {
        return code;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }

    public static ReportKind fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (ReportKind kind : values()) {
            if (kind.code.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "Cannot write a \"" + code + "\" report: expected annual, campaign or monthly");
    }
}
