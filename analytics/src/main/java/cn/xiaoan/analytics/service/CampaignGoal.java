package cn.xiaoan.analytics.service;

import java.time.LocalDate;

/** The three goals of 忻州's three-year campaign 2024–2026 (忻教发〔2024〕6号), defined in docs/FIGURES.md. */
public enum CampaignGoal {
    LEGACY_CLEARED(
            "legacy_cleared",
            "2024年底前存量重大隐患清零",
            "Legacy major hazards cleared by end of 2024",
            "legacy_major_open = 0 at 2024-12-31",
            LocalDate.of(2024, 12, 31)),
    INCREMENT_CURBED(
            "increment_curbed",
            "2025年底前遏制重大隐患增量",
            "Increase of major hazards curbed by end of 2025",
            "major_found in 2025 below major_found in 2024 (or none at all)",
            LocalDate.of(2025, 12, 31)),
    DYNAMIC_ZERO(
            "dynamic_zero",
            "2026年底前重大隐患动态清零",
            "Major hazards at dynamic zero by end of 2026",
            "major_open = 0 at 2026-12-31 and every MAJOR hazard found in 2026 and due by then rectified by its"
                    + " deadline (on_time_rate of MAJOR = 100%)",
            LocalDate.of(2026, 12, 31));

    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final String definition;
    private final LocalDate deadline;

    CampaignGoal(String code, String nameZh, String nameEn, String definition, LocalDate deadline) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.definition = definition;
        this.deadline = deadline;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String definition() {
        return definition;
    }

    /** The day the goal is judged on. */
    public LocalDate deadline() {
        return deadline;
    }
}
